import { beginStartRead } from '@/utils/extension/start-read';
import { STORED } from '@/utils/extension/storage-keys';

// main.ts imports this module first: modules run in the order they are imported, so the popup's one
// storage read (all its first paint shows) starts before Vue, the schemas and the components are even
// evaluated, and overlaps them (utils/extension/start-read.ts).
beginStartRead([STORED.settings, STORED.accounts, STORED.checkins, STORED.member, STORED.loginDraft]);
