-- A project's milestones ([{"code", "dueDate", "dateMet", "status"}] from its snapshot), for the milestone-overdue
-- finding. Rows projected before this migration have none until the next POST /api/v1/admin/rebuild.
ALTER TABLE project_view ADD COLUMN milestones JSONB NOT NULL DEFAULT '[]';
