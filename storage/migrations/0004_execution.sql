CREATE TABLE "activity_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"execution_id" uuid NOT NULL,
	"author_id" uuid,
	"author_login" text NOT NULL,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_executions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"municipality_id" uuid,
	"organisation_id" uuid,
	"own" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"completed_on" date,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_executions_unit_uq" UNIQUE NULLS NOT DISTINCT("activity_id","municipality_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"region_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "curator_assignments" (
	"region_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curator_assignments_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"municipality_id" uuid,
	"organisation_id" uuid,
	"scores" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_scores_uq" UNIQUE NULLS NOT DISTINCT("round_id","municipality_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "execution_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"execution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"document_number" text DEFAULT '' NOT NULL,
	"document_date" date,
	"file_id" uuid,
	"created_by" uuid,
	"created_by_login" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "monitoring_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" text DEFAULT 'execution' NOT NULL,
	"date" date NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"min_percent" double precision,
	"max_percent" double precision,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"snapshot" jsonb,
	"frozen_at" timestamp with time zone,
	"frozen_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"execution_id" uuid,
	"programme_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"email_error" text
);
--> statement-breakpoint
CREATE TABLE "programme_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_login" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"approved_by" uuid,
	"approved_by_login" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programme_activities" ADD COLUMN "target_kind" text DEFAULT 'owner' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_activities" ADD COLUMN "evidence_rule" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_activities" ADD COLUMN "cascade_level" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "parent_programme_id" uuid;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "parent_activity_id" uuid;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "approved_version" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_comments" ADD CONSTRAINT "activity_comments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_comments" ADD CONSTRAINT "activity_comments_execution_id_activity_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."activity_executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_executions" ADD CONSTRAINT "activity_executions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_executions" ADD CONSTRAINT "activity_executions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_executions" ADD CONSTRAINT "activity_executions_activity_id_programme_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."programme_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_executions" ADD CONSTRAINT "activity_executions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_executions" ADD CONSTRAINT "activity_executions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curator_assignments" ADD CONSTRAINT "curator_assignments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curator_assignments" ADD CONSTRAINT "curator_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curator_assignments" ADD CONSTRAINT "curator_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_scores" ADD CONSTRAINT "engagement_scores_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_scores" ADD CONSTRAINT "engagement_scores_round_id_monitoring_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."monitoring_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_scores" ADD CONSTRAINT "engagement_scores_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_scores" ADD CONSTRAINT "engagement_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_evidence" ADD CONSTRAINT "execution_evidence_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_evidence" ADD CONSTRAINT "execution_evidence_execution_id_activity_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."activity_executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "execution_evidence" ADD CONSTRAINT "execution_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rounds" ADD CONSTRAINT "monitoring_rounds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_execution_id_activity_executions_id_fk" FOREIGN KEY ("execution_id") REFERENCES "public"."activity_executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reviews" ADD CONSTRAINT "programme_reviews_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reviews" ADD CONSTRAINT "programme_reviews_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_comments_execution_idx" ON "activity_comments" USING btree ("execution_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_executions_programme_idx" ON "activity_executions" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "activity_executions_place_idx" ON "activity_executions" USING btree ("region_id","municipality_id","organisation_id");--> statement-breakpoint
CREATE INDEX "execution_evidence_execution_idx" ON "execution_evidence" USING btree ("execution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_uq" ON "indicator_values" USING btree ("programme_id","indicator_key","period");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_rounds_uq" ON "monitoring_rounds" USING btree ("programme_id","kind","date");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_key_uq" ON "notifications" USING btree ("user_id","key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "programme_reviews_programme_idx" ON "programme_reviews" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_versions_uq" ON "programme_versions" USING btree ("programme_id","number");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_parent_programme_id_programmes_id_fk" FOREIGN KEY ("parent_programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Every existing activity is executed by its programme's owner until targets are set.
INSERT INTO "activity_executions" ("region_id", "programme_id", "activity_id", "municipality_id", "organisation_id", "own")
SELECT a."region_id", a."programme_id", a."id", p."municipality_id", p."organisation_id", true
FROM "programme_activities" a JOIN "programmes" p ON p."id" = a."programme_id";
--> statement-breakpoint
-- The monitoring dates read from programme documents become the programmes' execution rounds.
INSERT INTO "monitoring_rounds" ("region_id", "programme_id", "kind", "date", "title", "min_percent", "max_percent")
SELECT p."region_id", p."id", 'execution', (r->>'date')::date, coalesce(r->>'text', ''), (r->>'minPercent')::float8, (r->>'maxPercent')::float8
FROM "programmes" p, jsonb_array_elements(coalesce(p."appendices"->'monitoringRounds', '[]'::jsonb)) r
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Target indicators get a stable key, so their actual values survive edits of the list.
UPDATE "programmes" SET "appendices" = jsonb_set("appendices", '{indicators}', (
  SELECT coalesce(jsonb_agg(i || jsonb_build_object('key', gen_random_uuid()::text) ORDER BY n), '[]'::jsonb)
  FROM jsonb_array_elements("appendices"->'indicators') WITH ORDINALITY AS x(i, n)))
WHERE jsonb_typeof("appendices"->'indicators') = 'array';
