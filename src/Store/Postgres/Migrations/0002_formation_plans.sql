-- 一企一策 plans (record kind formation_plan) are records like the others: ids per kind, never reused.
CREATE SEQUENCE record_id_formation_plan AS integer;
