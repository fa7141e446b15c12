-- Every table tells listeners when it changed (decision 090): a statement trigger NOTIFYs
-- `handoff_change` with the table's name. PostgreSQL delivers notifications at commit, in commit order,
-- and folds duplicates within a transaction, so a bulk write costs one notification per table.
-- A table added later needs the same trigger (a CREATE TRIGGER line as below): the web processes do not
-- cache pages that read a table without it, and a test checks that every table has it.
-- (Prisma's migration runner splits a script at every semicolon: the body's are written \073.)
CREATE OR REPLACE FUNCTION handoff_notify_change() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''handoff_change'', TG_TABLE_NAME)\073
  RETURN NULL\073
END
';
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Adjustment" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agent" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AgentSkill" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Applicant" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Application" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CapacityRun" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CapacityScenario" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CapacitySetting" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CohortSetting" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Consent" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ForecastInterval" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ForecastRun" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Interview" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Invitation" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LabourRuleSet" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LoginAttempt" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Note" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Opening" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OpeningPlanTarget" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OutboxMessage" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PublishedShift" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Queue" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Reapplication" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Schedule" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Scorecard" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Session" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Shift" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SpecialDay" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Stage" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StageChange" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SwapRequest" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TimeOffRequest" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
CREATE TRIGGER handoff_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "VolumeInterval" FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify_change();
