-- AlterTable
ALTER TABLE "ForecastInterval" ADD COLUMN     "open" BOOLEAN NOT NULL DEFAULT true;
