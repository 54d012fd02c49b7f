CREATE TABLE "care_plans" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"duty_id" text NOT NULL,
	"status" text NOT NULL,
	"agreed_on" date,
	"review_due" date,
	"reviewed_on" jsonb,
	"needs" jsonb NOT NULL,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_plans_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_services" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"duty_id" text NOT NULL,
	"need_ids" jsonb NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"provider_id" text,
	"start" date,
	"end" date,
	"status" text NOT NULL,
	"weekly_cost_pence" integer,
	"aftercare" boolean NOT NULL,
	"accommodation_plus" jsonb,
	"funding" jsonb,
	"top_up" jsonb,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_services_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"service_id" text,
	"payer" text NOT NULL,
	"kind" text NOT NULL,
	"from" date NOT NULL,
	"to" date,
	"weekly_pence" integer,
	"refund" jsonb,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charges_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_offers" (
	"person_id" text NOT NULL,
	"id" text NOT NULL,
	"duty_id" text,
	"kind" text NOT NULL,
	"offered_on" date NOT NULL,
	"weekly_pence" integer,
	"response" text NOT NULL,
	"responded_on" date,
	"review_on" date,
	"ext" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_offers_person_id_id_pk" PRIMARY KEY("person_id","id")
);
--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_services" ADD CONSTRAINT "care_services_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_services" ADD CONSTRAINT "care_services_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_offers" ADD CONSTRAINT "payment_offers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_plans_review_due_idx" ON "care_plans" USING btree ("review_due");--> statement-breakpoint
CREATE INDEX "care_services_provider_idx" ON "care_services" USING btree ("provider_id");