import { createHash } from 'node:crypto';
import { jsonWithRawIds, RawId, type Reply } from './route';

// The member-detail answer (detailByPhone and detailByMemberId). The real service writes its 19-digit
// Long ids as bare JSON numbers, which JSON.parse silently rounds (they exceed
// Number.MAX_SAFE_INTEGER): RawId writes them that way.

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
  const rawId = new RawId(memberId);
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
        memberId: rawId,
        rangeBegin: 0,
        rangeEnd: 5000,
        updateTime: facts.now,
        updateUser: 2,
        upgradedTime: created,
      },
    ],
    memberCode: memberId,
    memberId: rawId,
    memberIdStr: memberId,
    memberImage: 'https://thirdwx.qlogo.cn/mmopen/vi_32',
    memberName: '',
    memberSources: [
      {
        createTime: created,
        createUser: 2,
        id: 1,
        isDeleted: 0,
        memberId: rawId,
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
  return jsonWithRawIds(200, { code: 200, data, message: 'success' });
}
