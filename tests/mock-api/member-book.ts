// What the Times mock knows of each member: the 邦豆 balance, the signed China dates, the points
// records (unclaimed and history) and the points due to expire (docs/api/times-member-more-api.md).
// No HTTP here: times.ts and times-member.ts read and change it.

/** Where check-in points land: straight in the balance, or as a record the member must claim. */
export type PointsMode = 'balance' | 'unclaimed';

export interface PointsRecord {
  /** A 19-digit id, kept as a string (the route writes it as a bare number). */
  id: string;
  behaviourName: string;
  /** 邦豆 points gained. */
  integralChange: number;
  /** epoch ms: when it was earned, or claimed once claimed. */
  updateTime: number;
  /** 1 = earned, not yet claimed; 2 = in the balance (the history). */
  status: 1 | 2;
}

export interface Member {
  /** The balance: `integral` of the member detail. */
  points: number;
  /** Everything ever credited: `integralTotal` and `grow`. */
  pointsTotal: number;
  createdAt: number;
  /** China dates (`YYYY-MM-DD`) signed in, by a check-in here or elsewhere. */
  signed: Set<string>;
  records: PointsRecord[];
  /** Points that expire at the start of `date` (a China date). */
  expiring: { points: number; date: string }[];
}

// Past Number.MAX_SAFE_INTEGER on purpose, like the real ids: a client that reads them as numbers loses digits.
const FIRST_RECORD_ID = 1_790_123_456_789_012_345n;

export class MemberBook {
  private readonly members = new Map<string, Member>();
  private recordsIssued = 0n;

  /** The member of `phone`, created (as of `now`) the first time anything touches it. */
  get(phone: string, now: number): Member {
    const existing = this.members.get(phone);
    if (existing) return existing;
    const member: Member = { points: 0, pointsTotal: 0, createdAt: now, signed: new Set(), records: [], expiring: [] };
    this.members.set(phone, member);
    return member;
  }

  find(phone: string): Member | undefined {
    return this.members.get(phone);
  }

  clear(): void {
    this.members.clear();
    this.recordsIssued = 0n;
  }

  /** Credits `points`: into the balance with a history record ('balance'), or as an unclaimed record. */
  credit(phone: string, points: number, name: string, now: number, mode: PointsMode): PointsRecord {
    const member = this.get(phone, now);
    const record: PointsRecord = { id: this.newId(), behaviourName: name, integralChange: points, updateTime: now, status: 1 };
    member.records.push(record);
    if (mode === 'balance') this.claim(member, record, now);
    return record;
  }

  /** Claims every unclaimed record of `phone`; the number claimed. */
  claimAll(phone: string, now: number): number {
    const member = this.get(phone, now);
    const open = member.records.filter((record) => record.status === 1);
    for (const record of open) this.claim(member, record, now);
    return open.length;
  }

  /** Claims one record; false when `phone` has no unclaimed record with that id. */
  claimOne(phone: string, recordId: string, now: number): boolean {
    const member = this.get(phone, now);
    const record = member.records.find((entry) => entry.id === recordId && entry.status === 1);
    if (!record) return false;
    this.claim(member, record, now);
    return true;
  }

  /** Copies of the records with `status`, newest first (how the member centre lists them). */
  records(phone: string, status: 1 | 2): PointsRecord[] {
    const records = this.find(phone)?.records ?? [];
    return records
      .filter((record) => record.status === status)
      .sort((a, b) => b.updateTime - a.updateTime || (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .map((record) => ({ ...record }));
  }

  /** The sum of the unclaimed points of `phone`. */
  unclaimed(phone: string): number {
    return this.records(phone, 1).reduce((sum, record) => sum + record.integralChange, 0);
  }

  /** Points still held today (`today` <= expiry date) that expire before `before` (China dates). */
  expiringBefore(phone: string, today: string, before: string): number {
    const lots = this.find(phone)?.expiring ?? [];
    return lots.filter((lot) => lot.date >= today && lot.date < before).reduce((sum, lot) => sum + lot.points, 0);
  }

  private claim(member: Member, record: PointsRecord, now: number): void {
    record.status = 2;
    record.updateTime = now;
    member.points += record.integralChange;
    member.pointsTotal += record.integralChange;
  }

  private newId(): string {
    const id = FIRST_RECORD_ID + this.recordsIssued;
    this.recordsIssued += 1n;
    return id.toString();
  }
}
