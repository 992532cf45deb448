// First, before anything else is evaluated: it starts the storage read the first paint waits for.
import './first-read';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { followLook } from '@/utils/extension/look';
import App from './App.vue';
import { useAccountsStore } from '../../stores/accounts';
import { useDraftStore } from '../../stores/draft';

// Mounted once the stored language and theme are applied, so the first paint is already right: the
// stores and the look take what the first module's read brought (first-read.ts), and the popup shows
// its data as soon as it is in (npm run bench: popup load against a bare page).
const pinia = createPinia();
const accounts = useAccountsStore(pinia);
const look = followLook(document, 'app.name', () => accounts.load().then(() => accounts.settings));
void Promise.all([look, useDraftStore(pinia).load()]).then(() => createApp(App).use(pinia).mount('#app'));
