CREATE TABLE "organisation_ext" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"ext" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_ext" ADD CONSTRAINT "organisation_ext_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;