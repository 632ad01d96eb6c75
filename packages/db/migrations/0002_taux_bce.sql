CREATE TABLE "ecb_rates" (
	"semester_start" date PRIMARY KEY NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"source" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ecb_rates_semester_start" CHECK (extract(day from "ecb_rates"."semester_start") = 1 and extract(month from "ecb_rates"."semester_start") in (1, 7)),
	CONSTRAINT "ecb_rates_range" CHECK ("ecb_rates"."rate_basis_points" between -1000 and 3000)
);
