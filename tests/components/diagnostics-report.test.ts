import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DiagnosticsReport from '@/components/DiagnosticsReport.vue';
import OptionsApp from '@/entrypoints/options/App.vue';
import { PATHS } from '@/utils/api/times';
import { appendExchanges } from '@/utils/core/diagnostics';
import { accountsItem, diagnosticsItem } from '@/utils/extension/storage';
import type { Account } from '@/utils/storage-schema';

// The options page's diagnostics report: read-only text from the worker's log, a copy button, the
// report following the log as it grows.

const byId = (id: string) => `[data-testid="${id}"]`;
const PHONE = '13412341234';
const account: Account = { provider: 'times', key: `times:${PHONE}`, phone: PHONE, memberId: '1867395312345678901', server: 'https://x', session: 'active', addedAt: 0 };
const exchange = (at: number) => ({ at, method: 'GET', path: PATHS.signStatus, status: 200, code: '200', message: 'success', shape: '{code:number,data:{sign:boolean}}', ms: 88, reading: 'ok' as const });

async function seed(count: number) {
  await accountsItem.setValue([account]);
  const batch = Array.from({ length: count }, (_, i): [string, ReturnType<typeof exchange>] => [account.key, exchange(1_764_000_000_000 + i * 1000)]);
  await diagnosticsItem.setValue(appendExchanges({}, batch, [account.key]));
}

function clipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(writeText) }, configurable: true });
  return navigator.clipboard.writeText as ReturnType<typeof vi.fn>;
}

/** Mounts `component` and waits for the report (its words load on their own). */
async function mounted(component: typeof DiagnosticsReport | typeof OptionsApp, options: { attachTo?: HTMLElement } = {}) {
  const wrapper = mount(component, options);
  const box = () => wrapper.find(byId('diagnostics')).element as HTMLTextAreaElement;
  await vi.waitFor(() => expect(box().value).toMatch(/^邻里签到诊断报告/));
  return { wrapper, report: () => box().value };
}

afterEach(() => vi.restoreAllMocks());

describe('diagnostics report', () => {
  it('is on the options page, read-only, with the account masked', async () => {
    await seed(2);
    const { wrapper, report: shown } = await mounted(OptionsApp);
    expect(wrapper.find(byId('diagnostics')).attributes('readonly')).toBeDefined();
    const report = shown();
    expect(report).toContain('== times 134****1234 · 最近 2 次请求 ==');
    expect(report).toContain(`GET   ${PATHS.signStatus}  200  code=200  "success"  88ms  ok`);
    expect(report).not.toContain(PHONE);
  });

  it('copies the report and says so', async () => {
    await seed(1);
    const writeText = clipboard(async () => undefined);
    const { wrapper, report } = await mounted(DiagnosticsReport);
    await wrapper.find(byId('diagnostics-copy')).trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(report());
    expect(wrapper.find('[role="status"]').text()).toBe('已复制');
  });

  it('words the report in the language the page shows', async () => {
    await seed(1);
    const { report } = await mounted(DiagnosticsReport);
    const { setLanguage } = await import('@/utils/i18n/pages');
    setLanguage('en');
    await vi.waitFor(() => expect(report()).toMatch(/^Linli Check-in diagnostics · browser extension 0\.1\.0 · /));
    expect(report()).toContain('== times 134****1234 · latest requests: 1 ==');
  });

  it('says so and selects the text when the clipboard refuses', async () => {
    await seed(1);
    clipboard(async () => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const { wrapper } = await mounted(DiagnosticsReport, { attachTo: document.body });
    await wrapper.find(byId('diagnostics-copy')).trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('无法复制');
    expect(document.activeElement).toBe(wrapper.find(byId('diagnostics')).element);
    wrapper.unmount();
  });

  it('follows the log as the worker adds to it', async () => {
    await seed(1);
    const { report } = await mounted(DiagnosticsReport);
    expect(report()).toContain(' · 最近 1 次请求');
    await seed(3);
    await vi.waitFor(() => expect(report()).toContain(' · 最近 3 次请求'));
  });
});
