import { wordIn } from '@/utils/i18n/pages';
import type { StoredText } from '@/utils/i18n/keys';

// Words as the user reads them: a Text worded in Chinese (the default) or English.
export const zh = (value: StoredText | string | undefined) => (value === undefined ? undefined : wordIn('zh-CN', value));
export const en = (value: StoredText | string | undefined) => (value === undefined ? undefined : wordIn('en', value));
