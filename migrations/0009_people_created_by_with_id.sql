DROP INDEX "people_created_by_idx";--> statement-breakpoint
CREATE INDEX "people_created_by_id_idx" ON "people" USING btree ("created_by_organisation_id","id");