CREATE TABLE "gia_results" (
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"import_id" uuid NOT NULL,
	"exam" text NOT NULL,
	"subject" text NOT NULL,
	"participants" integer NOT NULL,
	"below_min" integer NOT NULL,
	CONSTRAINT "gia_results_region_id_year_organisation_id_exam_subject_pk" PRIMARY KEY("region_id","year","organisation_id","exam","subject")
);
--> statement-breakpoint
CREATE TABLE "identification_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"methodology_code" text NOT NULL,
	"methodology_title" text NOT NULL,
	"methodology_version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"year" smallint NOT NULL,
	"years" integer[] NOT NULL,
	"totals" jsonb NOT NULL,
	"difference" jsonb,
	"previous_list_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identification_verdicts" (
	"run_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_id" uuid,
	"category" smallint,
	"rule" text,
	"low_procedures" smallint NOT NULL,
	"red_zone" boolean NOT NULL,
	"objectivity_gap" boolean NOT NULL,
	"objectivity_share" double precision,
	"has_results" boolean NOT NULL,
	"in_previous_list" boolean NOT NULL,
	"previous_category" smallint,
	"reasons" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	CONSTRAINT "identification_verdicts_run_id_organisation_id_pk" PRIMARY KEY("run_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "journal_results" (
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"import_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"grade" smallint NOT NULL,
	"participants" integer NOT NULL,
	"lowered" integer NOT NULL,
	"confirmed" integer NOT NULL,
	"raised" integer NOT NULL,
	CONSTRAINT "journal_results_region_id_year_organisation_id_subject_grade_pk" PRIMARY KEY("region_id","year","organisation_id","subject","grade")
);
--> statement-breakpoint
CREATE TABLE "methodologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"based_on" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "methodology_versions" (
	"region_id" uuid NOT NULL,
	"methodology_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "methodology_versions_methodology_id_version_pk" PRIMARY KEY("methodology_id","version")
);
--> statement-breakpoint
CREATE TABLE "result_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"years" integer[] NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_list_members" (
	"list_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_id" uuid,
	"category" smallint,
	"repeated" boolean NOT NULL,
	CONSTRAINT "school_list_members_list_id_organisation_id_pk" PRIMARY KEY("list_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "school_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"order_number" text DEFAULT '' NOT NULL,
	"order_date" date,
	"run_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"methodology_title" text NOT NULL,
	"approved_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vpr_results" (
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"import_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"grade" smallint NOT NULL,
	"participants" integer NOT NULL,
	"n2" integer NOT NULL,
	"n3" integer NOT NULL,
	"n4" integer NOT NULL,
	"n5" integer NOT NULL,
	CONSTRAINT "vpr_results_region_id_year_organisation_id_subject_grade_pk" PRIMARY KEY("region_id","year","organisation_id","subject","grade")
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "school_list_id" uuid;--> statement-breakpoint
ALTER TABLE "gia_results" ADD CONSTRAINT "gia_results_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gia_results" ADD CONSTRAINT "gia_results_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gia_results" ADD CONSTRAINT "gia_results_import_id_result_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."result_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_runs" ADD CONSTRAINT "identification_runs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_verdicts" ADD CONSTRAINT "identification_verdicts_run_id_identification_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."identification_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_verdicts" ADD CONSTRAINT "identification_verdicts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_verdicts" ADD CONSTRAINT "identification_verdicts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_verdicts" ADD CONSTRAINT "identification_verdicts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_results" ADD CONSTRAINT "journal_results_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_results" ADD CONSTRAINT "journal_results_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_results" ADD CONSTRAINT "journal_results_import_id_result_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."result_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methodologies" ADD CONSTRAINT "methodologies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methodology_versions" ADD CONSTRAINT "methodology_versions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "methodology_versions" ADD CONSTRAINT "methodology_versions_methodology_id_methodologies_id_fk" FOREIGN KEY ("methodology_id") REFERENCES "public"."methodologies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_imports" ADD CONSTRAINT "result_imports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_list_members" ADD CONSTRAINT "school_list_members_list_id_school_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."school_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_list_members" ADD CONSTRAINT "school_list_members_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_list_members" ADD CONSTRAINT "school_list_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_list_members" ADD CONSTRAINT "school_list_members_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_lists" ADD CONSTRAINT "school_lists_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_lists" ADD CONSTRAINT "school_lists_run_id_identification_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."identification_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vpr_results" ADD CONSTRAINT "vpr_results_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vpr_results" ADD CONSTRAINT "vpr_results_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vpr_results" ADD CONSTRAINT "vpr_results_import_id_result_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."result_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gia_results_org_idx" ON "gia_results" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "identification_runs_region_idx" ON "identification_runs" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE INDEX "journal_results_org_idx" ON "journal_results" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "methodologies_region_code_uq" ON "methodologies" USING btree ("region_id","code");--> statement-breakpoint
CREATE INDEX "result_imports_region_idx" ON "result_imports" USING btree ("region_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "school_lists_region_number_uq" ON "school_lists" USING btree ("region_id","number");--> statement-breakpoint
CREATE INDEX "vpr_results_org_idx" ON "vpr_results" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_school_list_id_school_lists_id_fk" FOREIGN KEY ("school_list_id") REFERENCES "public"."school_lists"("id") ON DELETE no action ON UPDATE no action;