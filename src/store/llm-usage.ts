import type { AssistReport } from '../grading/sheet.js';
import type { Db } from './schema.js';

/** Tokens and estimated cost of the LLM assist for one submission, as summaries show them. */
export interface AssistUsage {
  model: string | null;
  status: string;
  cache_hit: boolean;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

/** Record what the assist spent on a submission (inside the transaction that writes its sheet). */
export async function recordAssistUsage(db: Db, submissionId: string, report: AssistReport, now: Date): Promise<void> {
  const row = {
    model: report.model,
    status: report.status,
    cache_hit: report.cache_hit ? 1 : 0,
    input_tokens: report.input_tokens,
    output_tokens: report.output_tokens,
    cached_input_tokens: report.cached_input_tokens,
    cost_usd: report.cost_usd,
    created_at: now.toISOString(),
  };
  await db
    .insertInto('llm_usage')
    .values({ submission_id: submissionId, ...row })
    .onConflict((oc) => oc.column('submission_id').doUpdateSet(row))
    .execute();
}

/** Usage of some submissions, by submission id (one query for a page of a summary). */
export async function assistUsageOf(db: Db, submissionIds: string[]): Promise<Map<string, AssistUsage>> {
  const out = new Map<string, AssistUsage>();
  if (submissionIds.length === 0) return out;
  const rows = await db.selectFrom('llm_usage').selectAll().where('submission_id', 'in', submissionIds).execute();
  for (const r of rows) {
    out.set(r.submission_id, {
      model: r.model,
      status: r.status,
      cache_hit: Number(r.cache_hit) === 1,
      input_tokens: Number(r.input_tokens),
      output_tokens: Number(r.output_tokens),
      cost_usd: Number(r.cost_usd),
    });
  }
  return out;
}

/** What the assist cost over an assignment: submissions that used it, tokens, estimated USD. */
export async function assistCostOfAssignment(db: Db, assignmentId: string): Promise<{ submissions: number; cache_hits: number; input_tokens: number; output_tokens: number; cost_usd: number }> {
  const r = await db
    .selectFrom('llm_usage as u')
    .innerJoin('submissions as s', 's.id', 'u.submission_id')
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.sum<number>('u.cache_hit').as('hits'),
      eb.fn.sum<number>('u.input_tokens').as('input'),
      eb.fn.sum<number>('u.output_tokens').as('output'),
      eb.fn.sum<number>('u.cost_usd').as('cost'),
    ])
    .where('s.assignment_id', '=', assignmentId)
    .executeTakeFirst();
  return {
    submissions: Number(r?.n ?? 0),
    cache_hits: Number(r?.hits ?? 0),
    input_tokens: Number(r?.input ?? 0),
    output_tokens: Number(r?.output ?? 0),
    cost_usd: Math.round(Number(r?.cost ?? 0) * 1e8) / 1e8,
  };
}
