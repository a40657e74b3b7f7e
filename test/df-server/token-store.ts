// The blacklist (Laravel cache keyed by jti) and DF's token_map table (docs/dreamfactory-protocol.md §3 "Blacklist", "token_map").

export interface TokenMapRow {
  userId: number;
  token: string;
  iat: number;
  exp: number;
}

export class TokenStore {
  /** jti -> server time until which the entry lives (Infinity = addForever). */
  private readonly blacklist = new Map<string, number>();
  private tokenMap: TokenMapRow[] = [];

  blacklistJti(jti: string, until: number): void {
    const current = this.blacklist.get(jti) ?? Number.NEGATIVE_INFINITY;
    this.blacklist.set(jti, Math.max(current, until));
  }

  isBlacklisted(jti: string, now: number): boolean {
    const until = this.blacklist.get(jti);
    if (until === undefined) return false;
    if (now < until) return true;
    // Cache entry expired: jwt-auth 0.5.5/0.5.6 really forgot it (§8 "2.0/2.1 blacklist expiry").
    this.blacklist.delete(jti);
    return false;
  }

  addRow(row: TokenMapRow): void {
    this.tokenMap.push(row);
  }

  /** DF removes rows by (user_id, exp), not by token. */
  removeRow(userId: number, exp: number): void {
    this.tokenMap = this.tokenMap.filter((row) => !(row.userId === userId && row.exp === exp));
  }

  rowsForUser(userId: number): TokenMapRow[] {
    return this.tokenMap.filter((row) => row.userId === userId);
  }

  removeRowsForUser(userId: number): void {
    this.tokenMap = this.tokenMap.filter((row) => row.userId !== userId);
  }

  clearExpiredRows(now: number): void {
    this.tokenMap = this.tokenMap.filter((row) => row.exp >= now);
  }
}
