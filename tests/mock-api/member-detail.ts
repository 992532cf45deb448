import { createHash } from 'node:crypto';
import { JSON_TYPE, type Reply } from './route';

// The member-detail answer. The real service writes its 19-digit Long ids as bare JSON numbers, which
// JSON.parse silently rounds (they exceed Number.MAX_SAFE_INTEGER). A JS number cannot hold such an
// id, so the JSON text is produced with a placeholder string that is then replaced by the digits.

const RAW_ID = '"@@RAW_MEMBER_ID@@"';
const RAW_ID_VALUE = RAW_ID.slice(1, -1);

/** The 19-digit member id of a phone: deterministic, '18' followed by 17 digits of a hash. */
export function memberIdOf(phone: string): string {
  const hash = createHash('sha256').update(`times-member:${phone}`).digest('hex');
  return `18${(BigInt(`0x${hash}`) % 10n ** 17n).toString().padStart(17, '0')}`;
}

export interface MemberFacts {
  phone: string;
  points: number;
  pointsTotal: number;
  createdAt: number;
  now: number;
}

export function memberDetailReply(facts: MemberFacts): Reply {
  const memberId = memberIdOf(facts.phone);
  const created = facts.createdAt;
  const data = {
    cardNo: '',
    cardType: '111',
    couponNum: 0,
    createTime: created,
    createUser: 2,
    email: '',
    grow: facts.pointsTotal,
    integral: facts.points,
    integralTotal: facts.pointsTotal,
    isDeleted: 0,
    isEnable: 0,
    isShowRealName: 0,
    memberCardRelats: [
      {
        createTime: created,
        createUser: 2,
        expirationTime: 1,
        grow: 300,
        id: 1,
        isDeleted: 0,
        levelId: 1,
        levelName: '普通会员',
        memberCardId: 3,
        memberCardImage: '',
        memberCardName: '时代邻里会员卡',
        memberCode: '',
        memberId: RAW_ID_VALUE,
        rangeBegin: 0,
        rangeEnd: 5000,
        updateTime: facts.now,
        updateUser: 2,
        upgradedTime: created,
      },
    ],
    memberCode: memberId,
    memberId: RAW_ID_VALUE,
    memberIdStr: memberId,
    memberImage: 'https://thirdwx.qlogo.cn/mmopen/vi_32',
    memberName: '',
    memberSources: [
      {
        createTime: created,
        createUser: 2,
        id: 1,
        isDeleted: 0,
        memberId: RAW_ID_VALUE,
        sourceCode: 'linlipro',
        updateTime: created,
        updateUser: 2,
      },
    ],
    memberType: 0,
    memo: '',
    phone: facts.phone,
    phoneAreaCode: '86',
    realName: '微信用户',
    sex: 0,
    updateTime: facts.now,
    updateUser: 2,
  };
  const text = JSON.stringify({ code: 200, data, message: 'success' }).replaceAll(RAW_ID, memberId);
  return { status: 200, body: text, contentType: JSON_TYPE };
}
