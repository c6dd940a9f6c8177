/** One counter per limited thing (an account's failed log-ins, an address's sign-ups). */
export interface RateLimitTable {
  key: string
  window_start: number
  hits: number
}

export interface LimitTables {
  rate_limits: RateLimitTable
}
