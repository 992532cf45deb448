import { createApp } from 'vue';
import { followLook } from '@/utils/extension/look';
import { historyWords, withOwnWords } from '@/utils/i18n/pages';
import App from './App.vue';

// The history page's own words come with its start (the popup does not carry them).
withOwnWords(historyWords);
// Mounted once the stored language and theme are applied, so the first paint is already right.
void followLook(document, 'history.title').then(() => createApp(App).mount('#app'));
