import type { CoreCatalogue } from '../keys';

// English, the worker's words (see zh-CN.ts beside this file). Typed against the Chinese catalogue: a
// missing or extra key is a type error, and tests/unit/i18n.test.ts checks that every message uses
// the same `{values}` as its Chinese one. 邦豆 (the service's points) are "points"; 时代邻里 is
// "Times Neighborhood", as the store listing says.

export const core: CoreCatalogue = {
  'app.name': 'Linli Check-in',
  'list.separator': ', ',

  'error.server': 'The server says: {message}',
  'error.unauthorized': 'The login has ended. Please log in again',
  'error.tooManyRequests': 'Too many requests, please try again later (HTTP {status})',
  'error.unavailable': 'The server is unavailable for now (HTTP {status})',
  'error.httpFailed': 'The request failed (HTTP {status})',
  'error.codeFailed': 'The request failed (error code {code})',
  'error.malformed': 'The server sent an answer we cannot read. Please try again later',
  'error.timeout': 'The request timed out. Check the network and try again',
  'error.network': 'No connection. Check the network and try again',
  'error.noMemberId': 'Could not read the member ID. Please try again later',
  'error.accountMissing': 'This account does not exist',
  'error.nicknameTooLong': 'A nickname has at most {max} characters',
  'error.checkinFailed': 'The check-in failed. Please try again later',
  'error.badRequest': 'Unrecognised request',
  'error.unexpected': 'Something went wrong. Please try again',
  'error.noWorker': 'The extension did not answer. Please try again',
  'error.badReply': 'The extension sent an answer we cannot read',
  'error.homingNoBaseUrl': 'Enter the Homing server address in the settings first',
  'error.zgtTokenRequired': 'A browser cannot open the 智桂通 app to log in: paste a 智桂通 token',
  'error.incompleteRequest': 'The request is incomplete. Check it and try again',
  'error.notLoggedIn': 'Not logged in',
  'error.sessionUnsaved': 'The login could not be saved. Trying again later; if this goes on, log in again',
  'error.handedOff': 'This account was moved to an always-on device. Log in again to check in here',
  'error.claimNothing': 'The server said the claim went through, but the points are still waiting to be claimed. Try again later',
  'error.handingOff': 'A hand-off bundle of this account is out and not confirmed: until it is confirmed or taken back, this extension does not check it in',
  'error.notHandingOff': 'This account has no hand-off waiting for confirmation',
  'error.handoffNoSession': 'This account has no live login to move',
  'error.zgt.fail': 'The 智桂通 login failed. Get a new token',
  'error.zgt.scanning': 'The 智桂通 login is not finished (waiting for a scan). Finish it in the app and try again',
  'error.zgt.logging': 'The 智桂通 login is not finished yet. Please try again shortly',
  'error.zgt.writeQuestionnaire': 'Fill in the questionnaire in the 智桂通 app first, then log in',
  'error.zgt.needAddInfo': 'Complete your profile in the 智桂通 app first, then log in',

  'validation.phone': 'Enter an 11-digit mobile number (starting with 1)',
  'validation.smsCode': 'Enter the 4–8 digit code',
  'validation.password': 'Enter the password',
  'validation.newPassword': 'The new password needs at least 8 characters, with letters and digits',
  'validation.captcha': 'Enter the characters in the image',
  'validation.zgtToken': 'Enter a 智桂通 token',
  'validation.passphrase': 'The passphrase needs at least {min} characters',

  // The settings' rules, read by the options page and the runner alike (utils/views/settings-form.ts).
  'options.error.badUrl': '“{url}” is not a valid address',
  'options.error.scheme': 'A server address starts with https:// or http://',
  'options.error.noScheme': 'A server address starts with https:// or http://. Did you mean {url}?',
  'options.error.httpOnlyLocal': 'To protect logins, only this computer may be reached over http://; use https:// for any other address',
  'options.error.urlExtras': 'A server address cannot hold a query, a # or a user name',
  'options.error.time': 'Enter the time as HH:mm (China time, 24-hour), e.g. 08:00',
  'options.error.delay': 'The random delay is a whole number of minutes from 0 to 180',
};
