import { timesKey } from '@/utils/core/accounts';
import { maskPhone } from '@/utils/mask';
import { PHONE_RULE, SMS_CODE_RULE } from '@/utils/validation';
import type { Command, Context } from './context';

// Accounts on the command line: `send-code`, `login` (SMS, the code typed or given) and `remove`.

/** The phone from --phone, else asked for; undefined (after saying why) when it is not a mobile number. */
async function phoneOf({ config, output, prompt }: Context): Promise<string | undefined> {
  const phone = config.phone ?? (await prompt.ask(config.words.askPhone));
  if (phone && PHONE_RULE.test(phone)) return phone;
  output.problem(phone ? config.words.badPhone : config.words.needsPhone);
  return undefined;
}

export const sendCode: Command = async (context) => {
  const { config, output } = context;
  const phone = await phoneOf(context);
  if (!phone) return 1;
  const { engine } = await context.home();
  await engine.timesSendCode(phone);
  output.info(config.words.codeSent(maskPhone(phone)));
  return 0;
};

/**
 * SMS login (docs/api/times-member-checkin-api.txt): with --code it logs in at once; without, it sends
 * a code and reads it from standard input. The lock is taken only for the login itself, not while the
 * user reads the SMS.
 */
export const login: Command = async (context) => {
  const { config, output, prompt } = context;
  const phone = await phoneOf(context);
  if (!phone) return 1;
  const home = await context.home();
  let code = config.code;
  if (code === undefined) {
    await home.engine.timesSendCode(phone);
    output.info(config.words.codeSent(maskPhone(phone)));
    code = await prompt.ask(config.words.askCode(maskPhone(phone)));
  }
  if (!code || !SMS_CODE_RULE.test(code)) {
    output.problem(config.words.badCode);
    return 1;
  }
  const entered = code;
  await home.locked(() => home.engine.timesLogin(phone, entered), true);
  output.info(config.words.loggedIn(maskPhone(phone)));
  return 0;
};

/** Deletes an account and its session from the state file (moving back to the extension, say). */
export const remove: Command = async (context) => {
  const { config, output } = context;
  if (!config.phone) {
    output.problem(config.words.needsPhone);
    return 1;
  }
  const home = await context.home();
  const phone = config.phone;
  const key = timesKey(phone);
  const known = await home.locked(async () => {
    if (!(await home.store.readAccounts()).some((account) => account.key === key)) return false;
    await home.engine.removeAccount(key);
    return true;
  });
  if (!known) {
    output.problem(config.words.noSuchAccount(maskPhone(phone)));
    return 1;
  }
  output.info(config.words.removed(maskPhone(phone)));
  return 0;
};
