import { describe, expect, it } from 'vitest'
import { OfflineCatalog } from './offline-catalog.js'

const catalog = new OfflineCatalog()
const titles = async (query: string) =>
  (await catalog.search(query, 'en', 1)).items.map((movie) => movie.title)

describe('OfflineCatalog', () => {
  it('finds The Matrix first for "matrix", with its date, and its sequels after', async () => {
    const { items, page, totalPages } = await catalog.search('matrix', 'ja', 1)
    expect(items[0]).toMatchObject({ title: 'The Matrix', releaseDate: '1999-03-31' })
    expect(items[0]?.id).toMatch(/^vega-[0-9a-f]{10}$/)
    expect(
      items
        .slice(1, 3)
        .map((m) => m.title)
        .sort(),
    ).toEqual(['The Matrix Reloaded', 'The Matrix Revolutions'])
    expect({ page, totalPages }).toEqual({ page: 1, totalPages: 1 })
  })

  it('ignores case, character width and accents', async () => {
    expect((await titles('THE MATRIX'))[0]).toBe('The Matrix')
    expect((await titles('ｍａｔｒｉｘ'))[0]).toBe('The Matrix')
    expect(await titles('amelie')).toContain("Le Fabuleux destin d'Amélie Poulain")
    expect(await titles('AMÉLIE')).toContain("Le Fabuleux destin d'Amélie Poulain")
    expect((await titles('leon'))[0]).toBe('Léon')
    expect((await titles('spider man'))[0]).toMatch(/^Spider-Man/)
  })

  it('ranks an exact title, then titles starting with the query, before other matches', async () => {
    const found = await titles('alien')
    expect(found[0]).toBe('Alien')
    const startsWith = found.findIndex((title) => !title.toLowerCase().startsWith('alien'))
    const later = found.slice(startsWith)
    expect(later.every((title) => !title.toLowerCase().startsWith('alien'))).toBe(true)
    expect(later.length).toBeGreaterThan(0)
  })

  it('answers a Japanese query that matches nothing with an empty list', async () => {
    expect(await catalog.search('マトリックス', 'ja', 1)).toEqual({
      items: [],
      page: 1,
      totalPages: 0,
    })
  })

  it('pages through many results and gets a film by id in both forms', async () => {
    const first = await catalog.search('the', 'en', 1)
    const second = await catalog.search('the', 'en', 2)
    expect(first.items).toHaveLength(20)
    expect(first.totalPages).toBeGreaterThan(2)
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id)

    const matrix = first.items[0] ?? (await catalog.search('matrix', 'en', 1)).items[0]
    const id = matrix?.id ?? ''
    expect(await catalog.get(id)).toMatchObject({ id, posterPath: null })
    const details = await catalog.details(id)
    expect(details?.titles.ja).toBeNull()
    expect(details?.titles.en).toBe(matrix?.title)
    expect(await catalog.details('vega-0000000000')).toBeNull()
  })

  it('reads the list once, at first use', async () => {
    let reads = 0
    const counted = new OfflineCatalog(async () => {
      reads += 1
      return [{ Title: 'Heat', 'Release Date': 'Dec 15 1995' }]
    })
    expect(reads).toBe(0)
    await Promise.all([counted.search('heat', 'en', 1), counted.search('he', 'en', 1)])
    await counted.get('vega-0000000000')
    expect(reads).toBe(1)
  })
})
