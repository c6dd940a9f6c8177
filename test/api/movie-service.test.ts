import { beforeAll, expect, it } from 'vitest'
import { CatalogUnavailableError, NotFoundError } from '../../src/domain/errors.js'
import type { Catalog, MovieDetails } from '../../src/movies/movie.js'
import { MovieRepository } from '../../src/movies/repository.js'
import { MovieService } from '../../src/movies/service.js'
import { describeEachDatabase } from '../support/databases.js'

const day = 24 * 60 * 60 * 1000

/** A TMDB stand-in that answers from a table, or fails when told to. */
class StubCatalog implements Catalog {
  readonly source = 'tmdb'
  readonly calls: string[] = []
  films = new Map<string, MovieDetails>()
  failure: CatalogUnavailableError | null = null

  async search(query: string, _locale: string, page: number) {
    this.calls.push(`search:${query}@${page}`)
    return { items: [], page: 1, totalPages: 0 }
  }

  async get() {
    return null
  }

  async details(id: string) {
    this.calls.push(id)
    if (this.failure) throw this.failure
    return this.films.get(id) ?? null
  }
}

const details = (id: string, title: string): MovieDetails => ({
  id,
  titles: { ja: null, en: title },
  originalTitle: title,
  releaseDate: '2001-07-20',
  posterPath: '/p.jpg',
  overviews: { ja: null, en: null },
})

describeEachDatabase('movie service', (database) => {
  let repository: MovieRepository
  let catalog: StubCatalog
  let now: number
  let service: MovieService

  beforeAll(() => {
    repository = new MovieRepository(database().db)
    catalog = new StubCatalog()
    now = 100 * day
    service = new MovieService({
      repository,
      searchCatalog: catalog,
      catalogs: [catalog],
      refreshAfterMs: 7 * day,
      now: () => now,
    })
  })

  it('stores a film at first sight and then answers from the database', async () => {
    catalog.films.set('tmdb-1', details('tmdb-1', 'First'))
    const stored = await service.ensureStored('tmdb-1', 'ja')
    expect(stored).toMatchObject({ id: 'tmdb-1', titles: { en: 'First' }, fetchedAt: now })
    expect(await service.find('tmdb-1')).toEqual(stored)

    catalog.calls.length = 0
    now += 6 * day
    expect((await service.ensureStored('tmdb-1', 'en')).titles.en).toBe('First')
    expect(catalog.calls).toEqual([])
  })

  it('refreshes a stale film, and keeps the copy when the catalog fails or forgets it', async () => {
    catalog.films.set('tmdb-2', details('tmdb-2', 'Old'))
    await service.ensureStored('tmdb-2', 'en')
    now += 8 * day
    catalog.films.set('tmdb-2', details('tmdb-2', 'New'))
    expect(await service.ensureStored('tmdb-2', 'en')).toMatchObject({
      titles: { en: 'New' },
      fetchedAt: now,
    })

    now += 8 * day
    catalog.failure = new CatalogUnavailableError('timeout')
    expect(await service.load('tmdb-2', 'en')).toMatchObject({
      movie: { titles: { en: 'New' } },
      isStale: true,
    })
    catalog.failure = null

    catalog.films.delete('tmdb-2')
    expect((await service.load('tmdb-2', 'en')).movie.titles.en).toBe('New')
  })

  it('refuses malformed and unknown ids, and passes a failure on when there is no copy', async () => {
    catalog.calls.length = 0
    await expect(service.ensureStored('603', 'en')).rejects.toBeInstanceOf(NotFoundError)
    await expect(service.ensureStored('tmdb-603; drop', 'en')).rejects.toBeInstanceOf(NotFoundError)
    expect(catalog.calls).toEqual([])

    await expect(service.ensureStored('tmdb-404', 'en')).rejects.toBeInstanceOf(NotFoundError)
    catalog.failure = new CatalogUnavailableError('unavailable')
    await expect(service.ensureStored('tmdb-405', 'en')).rejects.toBeInstanceOf(
      CatalogUnavailableError,
    )
    catalog.failure = null
  })

  it('keeps serving films of a catalog that is no longer configured', async () => {
    catalog.films.set('tmdb-1', details('tmdb-1', 'First'))
    await service.ensureStored('tmdb-1', 'en')
    const offlineOnly = new MovieService({
      repository,
      searchCatalog: catalog,
      catalogs: [],
      refreshAfterMs: 1,
      now: () => now + 365 * day,
    })
    const kept = await offlineOnly.ensureStored('tmdb-1', 'en')
    expect(kept.titles.en).toBe('First')
    await expect(offlineOnly.ensureStored('tmdb-999', 'en')).rejects.toBeInstanceOf(NotFoundError)
  })

  it('searches only for something, on a page TMDB can give', async () => {
    catalog.calls.length = 0
    expect(await service.search('   ', 'en', 1)).toEqual({ items: [], page: 1, totalPages: 0 })
    await service.search(`  ${'x'.repeat(150)}  `, 'en', 9999)
    expect(catalog.calls).toEqual([`search:${'x'.repeat(100)}@500`])
  })
})
