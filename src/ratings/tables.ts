/** One person's score for one film; a person rates a film at most once. */
export interface RatingTable {
  id: string
  user_id: string
  movie_id: string
  /** 0–100. */
  score: number
  /**
   * The film's release date (`YYYY-MM-DD`), or `''` when unknown, copied here so the
   * release sort is a range scan of one index. Kept in step by `RatingRepository`.
   */
  release_key: string
  created_at: number
  updated_at: number
}

export interface RatingTables {
  ratings: RatingTable
}
