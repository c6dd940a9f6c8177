/** One person following another. The counts it moves are kept on `users`. */
export interface FollowTable {
  follower_id: string
  followee_id: string
  created_at: number
}

export interface PeopleTables {
  follows: FollowTable
}
