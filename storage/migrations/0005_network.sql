CREATE TABLE "course_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"title" text NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"hours" integer,
	"completed_on" date NOT NULL,
	"certificate" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"event_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"title" text NOT NULL,
	"period_start" date,
	"period_end" date,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"registered" boolean DEFAULT true NOT NULL,
	"attended" boolean,
	"marked_by" uuid,
	"marked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_participants_uq" UNIQUE("event_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"organisation_id" uuid,
	"programme_id" uuid,
	"activity_id" uuid,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"date_text" text DEFAULT '' NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"place" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"source" jsonb,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"supporter_id" uuid,
	"supporter_name" text DEFAULT '' NOT NULL,
	"school_id" uuid,
	"school_name" text DEFAULT '' NOT NULL,
	"programme_id" uuid,
	"agreement_number" text DEFAULT '' NOT NULL,
	"agreement_date" date,
	"valid_from" date,
	"valid_to" date,
	"obligations" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_deficits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"area" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"identified_on" date,
	"source" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"organisation_id" uuid,
	"person_id" uuid,
	"role" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_group_members_uq" UNIQUE NULLS NOT DISTINCT("group_id","organisation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "support_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "curator_assignments" ADD COLUMN "order_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "curator_assignments" ADD COLUMN "order_date" date;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "category" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "subjects" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_activity_id_programme_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."programme_activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_partnerships" ADD CONSTRAINT "school_partnerships_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_partnerships" ADD CONSTRAINT "school_partnerships_supporter_id_organisations_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_partnerships" ADD CONSTRAINT "school_partnerships_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_partnerships" ADD CONSTRAINT "school_partnerships_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_partnerships" ADD CONSTRAINT "school_partnerships_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_deficits" ADD CONSTRAINT "staff_deficits_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_deficits" ADD CONSTRAINT "staff_deficits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_deficits" ADD CONSTRAINT "staff_deficits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_members" ADD CONSTRAINT "support_group_members_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_members" ADD CONSTRAINT "support_group_members_group_id_support_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."support_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_members" ADD CONSTRAINT "support_group_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_group_members" ADD CONSTRAINT "support_group_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_groups" ADD CONSTRAINT "support_groups_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_groups" ADD CONSTRAINT "support_groups_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_completions_person_idx" ON "course_completions" USING btree ("person_id","completed_on");--> statement-breakpoint
CREATE INDEX "development_plans_person_idx" ON "development_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "event_participants_person_idx" ON "event_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "events_region_window_idx" ON "events" USING btree ("region_id","window_start");--> statement-breakpoint
CREATE INDEX "events_programme_idx" ON "events" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "school_partnerships_school_idx" ON "school_partnerships" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "school_partnerships_supporter_idx" ON "school_partnerships" USING btree ("supporter_id");--> statement-breakpoint
CREATE INDEX "school_partnerships_region_idx" ON "school_partnerships" USING btree ("region_id","kind");--> statement-breakpoint
CREATE INDEX "staff_deficits_person_idx" ON "staff_deficits" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "support_group_members_org_idx" ON "support_group_members" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "support_groups_region_idx" ON "support_groups" USING btree ("region_id","kind");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curator_assignments_org_idx" ON "curator_assignments" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "people_org_category_idx" ON "people" USING btree ("organisation_id","category");--> statement-breakpoint
-- Backfill: staff categories by the rule of domain/network/staff.ts (deputies before directors, specialists before teachers).
UPDATE "people" SET "category" = CASE
  WHEN lower("position") ~ 'зам(\.|еститель|\s)|замдиректора' THEN 'deputy'
  WHEN lower("position") ~ 'директор|заведующ' THEN 'director'
  WHEN lower("position") ~ 'психолог|логопед|дефектолог|социальн\S*\s+педагог|тьютор' THEN 'specialist'
  WHEN lower("position") ~ 'учител|педагог|преподавател|воспитател' THEN 'teacher'
  ELSE 'other' END;
--> statement-breakpoint
-- Backfill: the consultation schedules of saved programmes become events (the month the plan gives, or the period).
INSERT INTO "events" ("region_id", "municipality_id", "organisation_id", "programme_id", "kind", "topic", "date_text",
  "window_start", "window_end", "responsible", "audience", "source")
SELECT p."region_id", p."municipality_id", p."organisation_id", p."id", 'consultation', c.value->>'topic',
  coalesce(c.value->>'whenText', ''),
  coalesce((c.value->'when'->'windows'->0->>'start')::date, (c.value->'when'->'windows'->0->>'end')::date, p."period_start"),
  coalesce((c.value->'when'->'windows'->0->>'end')::date, p."period_end"),
  coalesce((SELECT string_agg(r, '; ') FROM jsonb_array_elements_text(c.value->'responsible') r), ''),
  '{"categories":[],"subjects":[],"schools":"programme","organisationIds":[]}'::jsonb,
  jsonb_build_object('consultation', c.ordinality - 1)
FROM "programmes" p, jsonb_array_elements(coalesce(p."appendices"->'consultations', '[]'::jsonb)) WITH ORDINALITY c;
--> statement-breakpoint
-- Backfill: tutor pairs of saved programmes, matched to organisations whose short or full name is written exactly.
INSERT INTO "school_partnerships" ("region_id", "kind", "supporter_id", "supporter_name", "school_id", "school_name", "programme_id")
SELECT p."region_id", 'tutor',
  (SELECT o."id" FROM "organisations" o WHERE o."region_id" = p."region_id" AND (o."short_name" = t.value->>'tutor' OR o."name" = t.value->>'tutor') LIMIT 1),
  t.value->>'tutor',
  (SELECT o."id" FROM "organisations" o WHERE o."region_id" = p."region_id" AND (o."short_name" = t.value->>'school' OR o."name" = t.value->>'school') LIMIT 1),
  t.value->>'school', p."id"
FROM "programmes" p, jsonb_array_elements(coalesce(p."appendices"->'tutorPairs', '[]'::jsonb)) t;
