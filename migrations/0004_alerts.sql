CREATE TABLE "alert_acknowledgements" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"reason" text NOT NULL,
	"acknowledged_on" date NOT NULL,
	"look_again_on" date NOT NULL,
	"acknowledged_by" text NOT NULL,
	"acknowledged_by_name" text NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"severity" text NOT NULL,
	"since" date NOT NULL,
	"message" text NOT NULL,
	"raised_on" date NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"cleared_on" date,
	"cleared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_acknowledgements" ADD CONSTRAINT "alert_acknowledgements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_alerts" ADD CONSTRAINT "stored_alerts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_acknowledgements_subject_idx" ON "alert_acknowledgements" USING btree ("person_id","rule_id","subject_kind","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_alerts_current_idx" ON "stored_alerts" USING btree ("person_id","rule_id","subject_kind","subject_id") WHERE "stored_alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "stored_alerts_person_idx" ON "stored_alerts" USING btree ("person_id","raised_at");--> statement-breakpoint
CREATE INDEX "stored_alerts_rule_idx" ON "stored_alerts" USING btree ("rule_id") WHERE "stored_alerts"."cleared_at" is null;