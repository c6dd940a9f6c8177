import type { Db } from '../db/database.js'
import type { StoredMovie } from '../movies/movie.js'
import { MovieRepository } from '../movies/repository.js'

/**
 * The film repository, which also moves the list version of everyone who rated a film
 * when what their list shows of it changes (a refresh from the catalog brought a new
 * title, date or poster). Rare, and one indexed update per rater.
 */
export class VersionedMovieRepository extends MovieRepository {
  constructor(private readonly database: Db) {
    super(database)
  }

  override async save(movie: StoredMovie): Promise<void> {
    const before = await this.find(movie.id)
    await super.save(movie)
    if (before && isShownDifferently(before, movie)) {
      await this.database
        .updateTable('users')
        .set((eb) => ({ list_version: eb('list_version', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb.selectFrom('ratings').select('user_id').where('movie_id', '=', movie.id),
        )
        .execute()
    }
  }
}

function isShownDifferently(a: StoredMovie, b: StoredMovie): boolean {
  return (
    a.titles.ja !== b.titles.ja ||
    a.titles.en !== b.titles.en ||
    a.originalTitle !== b.originalTitle ||
    a.releaseDate !== b.releaseDate ||
    a.posterPath !== b.posterPath
  )
}
