import { timesKey } from '@/utils/core/accounts';
import { maskPhone } from '@/utils/mask';
import { phoneError, smsCodeError } from '@/utils/validation';
import type { Command, Context } from './context';
import { EXIT } from './exit-codes';

// Accounts on the command line: `send-code`, `login` (SMS, the code typed or given) and `remove`.

/** The phone from --phone, else asked for; undefined (after saying why) when it is not a mobile number. */
async function phoneOf({ config, output, prompt }: Context): Promise<string | undefined> {
  const { words } = config;
  const phone = config.phone ?? (await prompt.ask(words.t('runner.askPhone')));
  // The popup's rule and words (utils/validation.ts).
  const problem = phone ? phoneError(phone) : undefined;
  if (phone && !problem) return phone;
  output.problem(problem ? words.word(problem) : words.t('runner.needsPhone'));
  return undefined;
}

export const sendCode: Command = async (context) => {
  const { config, output, home } = context;
  const phone = await phoneOf(context);
  if (!phone) return EXIT.usage;
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
  const { config, output, home, prompt } = context;
  const phone = await phoneOf(context);
  if (!phone) return EXIT.usage;
  let code = config.code;
  if (code === undefined) {
    await home.engine.timesSendCode(phone);
    output.info(config.words.t('runner.codeSent', { name: maskPhone(phone) }));
    code = await prompt.ask(config.words.t('runner.askCode', { name: maskPhone(phone) }));
  }
  const entered = code ?? '';
  const codeProblem = smsCodeError(entered);
  if (codeProblem) {
    output.problem(config.words.word(codeProblem));
    return EXIT.usage;
  }
  await home.locked(() => home.engine.timesLogin(phone, entered), true);
  output.info(config.words.t('runner.loggedIn', { name: maskPhone(phone) }));
  return 0;
};

/** Deletes an account and its session from the state file (moving back to the extension, say). */
export const remove: Command = async (context) => {
  const { config, output, home } = context;
  if (!config.phone) {
    output.problem(config.words.t('runner.needsPhone'));
    return EXIT.usage;
  }
  const phone = config.phone;
  const key = timesKey(phone);
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
