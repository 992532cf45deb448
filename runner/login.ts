import { timesKey } from '@/utils/core/accounts';
import { text, type Text } from '@/utils/i18n/keys';
import { maskPhone } from '@/utils/mask';
import { cleanCode, cleanPhone } from '@/utils/phone-input';
import { phoneError, smsCodeError } from '@/utils/validation';
import type { Command, Context } from './context';
import { EXIT } from './exit-codes';

// Accounts on the command line: `send-code`, `login` (SMS, the code typed or given) and `remove`.
// Numbers are read as the popup reads them (utils/phone-input.ts: `+86 139 0013 9001`, full-width
// digits), and checked by the popup's rules and words (utils/validation.ts).

/**
 * A value from its option, else asked for until it passes `check`: a typo at the prompt asks again
 * (saying why) instead of ending the command; a bad option value, or the end of input, ends it
 * (undefined, after saying why). `missing` words the end of input.
 */
async function askUntilValid(
  { config, output, prompt }: Context,
  given: string | undefined,
  question: string,
  clean: (raw: string) => string,
  check: (value: string) => Text | undefined,
  missing: string,
): Promise<string | undefined> {
  const { words } = config;
  if (given !== undefined) {
    const problem = check(clean(given));
    if (!problem) return clean(given);
    output.problem(words.word(problem));
    return undefined;
  }
  for (;;) {
    const answer = await prompt.ask(question);
    if (answer === undefined) {
      output.problem(missing);
      return undefined;
    }
    const problem = check(clean(answer));
    if (!problem) return clean(answer);
    output.problem(words.word(problem));
  }
}

/** The phone from --phone, else asked for (again after a typo); undefined (after saying why) when there is none. */
const phoneOf = (context: Context) =>
  askUntilValid(context, context.config.phone, context.config.words.t('runner.askPhone'), cleanPhone, phoneError, context.config.words.t('runner.needsPhone'));

export const sendCode: Command = async (context) => {
  const { config, output } = context;
  const phone = await phoneOf(context);
  if (!phone) return EXIT.usage;
  const home = await context.home();
  await home.engine.timesSendCode(phone);
  output.info(config.words.t('runner.codeSent', { name: maskPhone(phone) }));
  return 0;
};

/**
 * SMS login (docs/api/times-member-checkin-api.txt): with --code it logs in at once; without, it sends
 * a code and reads it from standard input. The lock is taken only for the login itself, not while the
 * user reads the SMS.
 */
export const login: Command = async (context) => {
  const { config, output } = context;
  const phone = await phoneOf(context);
  if (!phone) return EXIT.usage;
  const home = await context.home();
  if (config.code === undefined) {
    await home.engine.timesSendCode(phone);
    output.info(config.words.t('runner.codeSent', { name: maskPhone(phone) }));
  }
  const question = config.words.t('runner.askCode', { name: maskPhone(phone) });
  const code = await askUntilValid(context, config.code, question, cleanCode, smsCodeError, config.words.word(text('validation.smsCode')));
  if (code === undefined) return EXIT.usage;
  await home.locked(() => home.engine.timesLogin(phone, code), true);
  output.info(config.words.t('runner.loggedIn', { name: maskPhone(phone) }));
  return 0;
};

/** Deletes an account and its session from the state file (moving back to the extension, say). */
export const remove: Command = async (context) => {
  const { config, output } = context;
  if (!config.phone) {
    output.problem(config.words.t('runner.needsPhone'));
    return EXIT.usage;
  }
  const phone = cleanPhone(config.phone);
  const key = timesKey(phone);
  const home = await context.home();
  const known = await home.locked(async () => {
    if (!(await home.store.readAccounts()).some((account) => account.key === key)) return false;
    await home.engine.removeAccount(key);
    return true;
  });
  if (!known) {
    output.problem(config.words.t('runner.noSuchAccount', { name: maskPhone(phone) }));
    return 1;
  }
  output.info(config.words.t('runner.removed', { name: maskPhone(phone) }));
  return 0;
};
