CREATE TABLE "allocations" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"duty_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"from" date NOT NULL,
	"to" date,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocations_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_shares" (
	"person_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"shared_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_shares_person_id_organisation_id_pk" PRIMARY KEY("person_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"organisation_id" text,
	"role" text NOT NULL,
	"acts_for_person" boolean NOT NULL,
	"consent_given" boolean,
	"consent_date" date,
	"address" text[],
	"email" text,
	"phone" text,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "ctos" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"detention_id" text NOT NULL,
	"start" date NOT NULL,
	"end" date,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ctos_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "detentions" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"section" text NOT NULL,
	"start" date NOT NULL,
	"end" date,
	"left_hospital" date,
	"continues_from" text,
	"hospital" text,
	"kind" text,
	"leave" jsonb,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "detentions_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"duty_id" text NOT NULL,
	"with_organisation_id" text NOT NULL,
	"opened_on" date NOT NULL,
	"lead_organisation_id" text,
	"referred_on" date,
	"resolved_on" date,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "duties" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"detention_id" text NOT NULL,
	"start" date NOT NULL,
	"local_authority_id" text NOT NULL,
	"health_body_id" text NOT NULL,
	"end" date,
	"end_reason" text,
	"ending" jsonb,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duties_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "gp_registrations" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"from" date NOT NULL,
	"to" date,
	"practice_code" text,
	"health_body_id" text NOT NULL,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gp_registrations_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"nhs_number" text,
	"date_of_birth" date,
	"date_of_death" date,
	"communication_needs" text[],
	"address" text[],
	"email" text,
	"phone" text,
	"created_by_organisation_id" text,
	"case_file_ext" jsonb,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residences" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"from" date NOT NULL,
	"to" date,
	"nation" text NOT NULL,
	"local_authority_id" text,
	"health_body_id" text,
	"kind" text NOT NULL,
	"ordinarily_resident" text,
	"placed_by_id" text,
	"placed_under" text,
	"legal_condition" text,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residences_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"organisation_id" text NOT NULL,
	"role" text,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ctos" ADD CONSTRAINT "ctos_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_with_organisation_id_organisations_id_fk" FOREIGN KEY ("with_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duties" ADD CONSTRAINT "duties_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duties" ADD CONSTRAINT "duties_local_authority_id_organisations_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duties" ADD CONSTRAINT "duties_health_body_id_organisations_id_fk" FOREIGN KEY ("health_body_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gp_registrations" ADD CONSTRAINT "gp_registrations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gp_registrations" ADD CONSTRAINT "gp_registrations_health_body_id_organisations_id_fk" FOREIGN KEY ("health_body_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_organisation_id_organisations_id_fk" FOREIGN KEY ("created_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residences" ADD CONSTRAINT "residences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residences" ADD CONSTRAINT "residences_local_authority_id_organisations_id_fk" FOREIGN KEY ("local_authority_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residences" ADD CONSTRAINT "residences_health_body_id_organisations_id_fk" FOREIGN KEY ("health_body_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residences" ADD CONSTRAINT "residences_placed_by_id_organisations_id_fk" FOREIGN KEY ("placed_by_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_staff_idx" ON "allocations" USING btree ("staff_id","person_id");--> statement-breakpoint
CREATE INDEX "case_shares_organisation_idx" ON "case_shares" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "duties_local_authority_idx" ON "duties" USING btree ("local_authority_id","person_id");--> statement-breakpoint
CREATE INDEX "duties_health_body_idx" ON "duties" USING btree ("health_body_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_nhs_number_key" ON "people" USING btree ("nhs_number") WHERE "people"."nhs_number" is not null;--> statement-breakpoint
CREATE INDEX "people_family_name_idx" ON "people" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_given_name_idx" ON "people" USING btree (lower("given_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_sort_name_idx" ON "people" USING btree (lower("family_name"),lower("given_name"),"id");--> statement-breakpoint
CREATE INDEX "people_created_by_idx" ON "people" USING btree ("created_by_organisation_id");--> statement-breakpoint
CREATE INDEX "staff_organisation_idx" ON "staff" USING btree ("organisation_id");