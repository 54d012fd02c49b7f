CREATE TABLE "cohort_reviews" (
	"person_id" text NOT NULL,
	"remedy_id" text NOT NULL,
	"member_person_id" text NOT NULL,
	"member_duty_id" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_reviews_person_id_remedy_id_member_person_id_member_duty_id_pk" PRIMARY KEY("person_id","remedy_id","member_person_id","member_duty_id")
);
--> statement-breakpoint
CREATE TABLE "complaint_points" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"complaint_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"answered" boolean NOT NULL,
	"answer" text,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_points_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"received_on" date NOT NULL,
	"complainant" text NOT NULL,
	"organisation_ids" text[] NOT NULL,
	"lead_organisation_id" text,
	"procedure" text NOT NULL,
	"corporate_stage" integer,
	"acknowledged_on" date,
	"response_due" date,
	"responded_on" date,
	"response_signed_by" text,
	"outcome" text,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "ombudsman_cases" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"body" text NOT NULL,
	"reference" text NOT NULL,
	"complaint_id" text,
	"enquiry_on" date,
	"draft_decision_on" date,
	"final_decision_on" date,
	"findings" text[] NOT NULL,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ombudsman_cases_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "ombudsman_remedies" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"due_within" text,
	"due" date,
	"amount_pence" integer,
	"owner_id" text,
	"completed_on" date,
	"evidence" text,
	"evidence_sent_on" date,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ombudsman_remedies_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_cohorts" (
	"person_id" text NOT NULL,
	"remedy_id" text NOT NULL,
	"criterion" text NOT NULL,
	"label" text NOT NULL,
	"defined_on" date NOT NULL,
	"defined_by_organisation_id" text,
	"members" jsonb NOT NULL,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_cohorts_person_id_remedy_id_pk" PRIMARY KEY("person_id","remedy_id")
);
--> statement-breakpoint
ALTER TABLE "cohort_reviews" ADD CONSTRAINT "cohort_reviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_points" ADD CONSTRAINT "complaint_points_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_cases" ADD CONSTRAINT "ombudsman_cases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombudsman_remedies" ADD CONSTRAINT "ombudsman_remedies_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cohorts" ADD CONSTRAINT "review_cohorts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cohorts" ADD CONSTRAINT "review_cohorts_defined_by_organisation_id_organisations_id_fk" FOREIGN KEY ("defined_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_points_complaint_idx" ON "complaint_points" USING btree ("person_id","complaint_id");--> statement-breakpoint
CREATE INDEX "ombudsman_remedies_case_idx" ON "ombudsman_remedies" USING btree ("person_id","case_id");