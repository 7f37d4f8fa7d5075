import { eq, gte, inArray, lt, type SQL } from 'drizzle-orm'
import { cases } from '../db/schema.ts'
import type { CaseFilter } from './case-store.ts'

/**
 * The WHERE conditions of a case filter, shared by the case list and the KPI queries.
 * @example db.select().from(cases).where(and(...caseFilterWhere({ severity: ['high'] })))
 */
export function caseFilterWhere(filter: CaseFilter): SQL[] {
  const where: SQL[] = []
  if (filter.status?.length) where.push(inArray(cases.status, filter.status))
  if (filter.severity?.length) where.push(inArray(cases.severity, filter.severity))
  if (filter.assignee !== undefined) where.push(eq(cases.assignee, filter.assignee))
  if (filter.ruleId !== undefined) where.push(eq(cases.ruleId, filter.ruleId))
  if (filter.playbookId !== undefined) where.push(eq(cases.playbookId, filter.playbookId))
  if (filter.from !== undefined) where.push(gte(cases.createdAt, filter.from))
  if (filter.to !== undefined) where.push(lt(cases.createdAt, filter.to))
  return where
}
