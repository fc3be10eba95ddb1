import pg from 'pg';
const { openDatabase } = await import('/work/main/dist/src/node/database.js');
const { seedSummary } = await import('/work/main/dist/bench/http-seed.js');
const admin = 'postgres://root@127.0.0.1:5432/test';
const name = 'gs_explain_' + process.pid;
const c = new pg.Client({ connectionString: admin }); await c.connect(); await c.query(`CREATE DATABASE ${name}`); await c.end();
const url = `postgres://root@127.0.0.1:5432/${name}`;
try {
  const d = await openDatabase({ DATA_DIR: '/tmp/x', DATABASE_URL: url });
  const { defaultRubric } = await import('/work/main/dist/src/grading/index.js');
  await d.db.insertInto('assignments').values({ id: 'asg_bench', title: 't', role: null, rubric_id: defaultRubric.id, rubric_json: JSON.stringify(defaultRubric), time_box_hours: 8, deadline: null, blind: 1, llm_assist: 0, created_by: 'x', created_at: new Date().toISOString() }).execute();
  await d.close();
  const seed = await seedSummary({ DATA_DIR: '/tmp/x', DATABASE_URL: url }, 'asg_bench', 100000);
  const cl = new pg.Client({ connectionString: url }); await cl.connect();
  const base = `select s.id, s.status, sh.decision from submissions s inner join candidates c on c.id = s.candidate_id left join sheets sh on sh.submission_id = s.id __ON__ where s.assignment_id = $1`;
  for (const [label, extra, params] of [['first', '', []], ['cursor', ' and s.id > $2', [seed.deepId]], ['decision+cursor', ' and sh.decision = $3 and s.id > $2', [seed.deepId, 'advance']], ['status', " and s.status = 'in_review'", []]]) {
    const q = (params.length ? base.replace('__ON__', 'and sh.submission_id > $2') : base.replace('__ON__', '')) + extra + ' order by s.id limit 51'; const r = await cl.query(`explain analyze ${q}`, ['asg_bench', ...params]);
    console.log('==', label); console.log(r.rows.map(x => x['QUERY PLAN']).join('\n'));
  }
  await cl.end();
} finally {
  const c2 = new pg.Client({ connectionString: admin }); await c2.connect(); await c2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await c2.end();
}
