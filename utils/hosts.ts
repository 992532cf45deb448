// The Times service's addresses, apart from its client: the pages only need these strings, and the
// client module builds its zod schemas when it loads (a cost the popup's start should not pay).

/** Production (docs/api/times-member-checkin-api.txt). */
export const TIMES_PRODUCTION_URL = 'https://m-center-prod-linli.timesgroup.cn';
/** The UAT test host the options page offers as a preset. */
export const TIMES_UAT_URL = 'https://m-center-uat-linli.timesgroup.cn';
