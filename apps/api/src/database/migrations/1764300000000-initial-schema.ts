import { MigrationInterface, QueryRunner } from 'typeorm';

// WARNING: applied migrations are immutable. Change the schema with a new migration, never by editing this one.
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE code_sequences (
        organization_id varchar(63) NOT NULL,
        scope varchar(32) NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (organization_id, scope)
      )`);

    await q.query(`
      CREATE TABLE strategic_objectives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id varchar(63) NOT NULL,
        name varchar(200) NOT NULL,
        objective_type varchar(20) NOT NULL CHECK (objective_type IN ('mission','vision','strategic_goal','value')),
        content text NOT NULL DEFAULT '',
        description text,
        parent_id uuid REFERENCES strategic_objectives(id) ON DELETE RESTRICT,
        priority smallint NOT NULL CHECK (priority BETWEEN 1 AND 10),
        status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed','cancelled','archived')),
        start_date date,
        target_date date,
        completion_date date,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (target_date IS NULL OR start_date IS NULL OR target_date >= start_date),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX idx_objectives_priority ON strategic_objectives (organization_id, priority)`);
    await q.query(`CREATE INDEX idx_objectives_created ON strategic_objectives (organization_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_objectives_parent ON strategic_objectives (parent_id) WHERE parent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE north_star_metrics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id varchar(63) NOT NULL,
        code varchar(16) NOT NULL,
        name varchar(200) NOT NULL,
        description text,
        objective_id uuid REFERENCES strategic_objectives(id) ON DELETE RESTRICT,
        metric_type varchar(20) NOT NULL CHECK (metric_type IN ('revenue','growth','engagement','retention','custom')),
        unit varchar(32) NOT NULL DEFAULT '',
        direction varchar(10) NOT NULL CHECK (direction IN ('increase','decrease','maintain')),
        baseline_value double precision NOT NULL,
        target_value double precision NOT NULL,
        current_value double precision,
        measurement_frequency varchar(10) NOT NULL CHECK (measurement_frequency IN ('daily','weekly','monthly','quarterly','yearly')),
        is_primary boolean NOT NULL DEFAULT false,
        status varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active','paused','archived')),
        health_score double precision CHECK (health_score BETWEEN 0 AND 1),
        health_band varchar(10) CHECK (health_band IN ('excellent','good','fair','poor')),
        last_updated timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (organization_id, code)
      )`);
    await q.query(`CREATE INDEX idx_metrics_type ON north_star_metrics (organization_id, metric_type)`);
    await q.query(
      `CREATE INDEX idx_metrics_health ON north_star_metrics (organization_id, health_score, last_updated)`,
    );
    await q.query(`CREATE INDEX idx_metrics_created ON north_star_metrics (organization_id, created_at, id)`);
    await q.query(
      `CREATE INDEX idx_metrics_objective ON north_star_metrics (objective_id) WHERE objective_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE metric_values (
        metric_id uuid NOT NULL REFERENCES north_star_metrics(id) ON DELETE CASCADE,
        measured_on date NOT NULL,
        organization_id varchar(63) NOT NULL,
        value double precision NOT NULL,
        recorded_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (metric_id, measured_on)
      )`);

    await q.query(`
      CREATE TABLE okrs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id varchar(63) NOT NULL,
        code varchar(24) NOT NULL,
        objective text NOT NULL,
        strategic_objective_id uuid REFERENCES strategic_objectives(id) ON DELETE RESTRICT,
        parent_okr_id uuid REFERENCES okrs(id) ON DELETE RESTRICT,
        period_type varchar(10) NOT NULL CHECK (period_type IN ('quarterly','annual','custom')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        owner varchar(120) NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','completed','failed','cancelled')),
        progress double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
        final_score double precision CHECK (final_score BETWEEN 0 AND 1),
        closed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (organization_id, code),
        CHECK (period_end >= period_start)
      )`);
    await q.query(`CREATE INDEX idx_okr_period ON okrs (organization_id, period_start, period_end)`);
    await q.query(`CREATE INDEX idx_okr_objective_period ON okrs (strategic_objective_id, period_start)`);
    await q.query(`CREATE INDEX idx_okr_created ON okrs (organization_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_okr_status ON okrs (organization_id, status)`);
    await q.query(`CREATE INDEX idx_okr_parent ON okrs (parent_okr_id) WHERE parent_okr_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE key_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id varchar(63) NOT NULL,
        okr_id uuid NOT NULL REFERENCES okrs(id) ON DELETE CASCADE,
        statement text NOT NULL,
        kr_type varchar(12) NOT NULL CHECK (kr_type IN ('metric','milestone','deliverable')),
        baseline_value double precision NOT NULL,
        target_value double precision NOT NULL,
        current_value double precision NOT NULL,
        unit varchar(32) NOT NULL DEFAULT '',
        weight double precision NOT NULL CHECK (weight > 0 AND weight <= 100),
        owner varchar(120) NOT NULL,
        due_date date,
        status varchar(12) NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','at_risk','completed','failed')),
        progress double precision NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (target_value <> baseline_value)
      )`);
    await q.query(`CREATE INDEX idx_key_results_okr ON key_results (okr_id, created_at)`);

    await q.query(`
      CREATE TABLE key_result_check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id varchar(63) NOT NULL,
        key_result_id uuid NOT NULL REFERENCES key_results(id) ON DELETE CASCADE,
        value double precision NOT NULL,
        confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        note text,
        author varchar(120) NOT NULL,
        checked_in_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_check_ins_key_result ON key_result_check_ins (key_result_id, checked_in_at, id)`);

    await q.query(`
      CREATE TABLE decision_requirements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id varchar(63) NOT NULL,
        code varchar(16) NOT NULL,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        requirement_type varchar(12) NOT NULL CHECK (requirement_type IN ('strategic','tactical','operational','emergency')),
        category varchar(60) NOT NULL,
        objective_id uuid REFERENCES strategic_objectives(id) ON DELETE RESTRICT,
        requester varchar(120) NOT NULL,
        required_by date,
        priority smallint NOT NULL CHECK (priority BETWEEN 1 AND 10),
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved','rejected','cancelled')),
        approver varchar(120),
        decision_reason text,
        submitted_at timestamptz(3),
        decided_at timestamptz(3),
        cancelled_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (organization_id, code)
      )`);
    await q.query(`CREATE INDEX idx_decisions_status ON decision_requirements (organization_id, status)`);
    await q.query(`CREATE INDEX idx_decisions_created ON decision_requirements (organization_id, created_at, id)`);
    await q.query(
      `CREATE INDEX idx_decisions_objective ON decision_requirements (objective_id) WHERE objective_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'decision_requirements',
      'key_result_check_ins',
      'key_results',
      'okrs',
      'metric_values',
      'north_star_metrics',
      'strategic_objectives',
      'code_sequences',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
