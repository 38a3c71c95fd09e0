using InstructorBot.Store.Domain;
using Npgsql;
using NpgsqlTypes;

namespace InstructorBot.Store.Postgres;

/// <summary>The columns of each table, from the domain value, for the engine's writes and for <c>migrate</c>'s copy alike.</summary>
internal static class PostgresRows
{
    public const string OrganizationColumns = "name, credit_code, district, street, community, formed, updated_at, body";

    public const string UserColumns = "name, role, district, street, community, body";

    public const string RecordColumns = "kind, id, organization_id, date, reported_by, recorded_at, body";

    public const string AuditColumns = "actor, at, action, undone_by, body";

    public static void Organization(NpgsqlParameterCollection p, Organization o)
    {
        p.AddWithValue("name", o.Name);
        p.AddWithValue("credit_code", (object?)o.CreditCode ?? DBNull.Value);
        p.AddWithValue("district", o.District);
        p.AddWithValue("street", o.Street);
        p.AddWithValue("community", o.Community);
        p.AddWithValue("formed", o.PartyOrganization.IsFormed);
        p.AddWithValue("updated_at", o.UpdatedAt.ToUniversalTime());
        p.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = StoreJson.Write(o with { Id = 0 }) });
    }

    /// <summary>One row of <c>COPY organizations (id, <see cref="OrganizationColumns"/>) FROM STDIN (FORMAT BINARY)</c>.</summary>
    public static void Organization(NpgsqlBinaryImporter writer, Organization o)
    {
        writer.StartRow();
        writer.Write(o.Id, NpgsqlDbType.Integer);
        writer.Write(o.Name, NpgsqlDbType.Text);
        if (o.CreditCode is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(o.CreditCode, NpgsqlDbType.Text);
        }

        writer.Write(o.District, NpgsqlDbType.Text);
        writer.Write(o.Street, NpgsqlDbType.Text);
        writer.Write(o.Community, NpgsqlDbType.Text);
        writer.Write(o.PartyOrganization.IsFormed, NpgsqlDbType.Boolean);
        writer.Write(o.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        writer.Write(StoreJson.Write(o with { Id = 0 }), NpgsqlDbType.Jsonb);
    }

    public static void User(NpgsqlParameterCollection p, User u)
    {
        p.AddWithValue("id", u.Id);
        p.AddWithValue("name", u.Name);
        p.AddWithValue("role", u.Role.ToString());
        p.AddWithValue("district", (object?)u.Jurisdiction.District ?? DBNull.Value);
        p.AddWithValue("street", (object?)u.Jurisdiction.Street ?? DBNull.Value);
        p.AddWithValue("community", (object?)u.Jurisdiction.Community ?? DBNull.Value);
        p.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = StoreJson.Write(u) });
    }

    public static void Record(NpgsqlParameterCollection p, RecordRequest r)
    {
        p.AddWithValue("kind", r.Kind);
        p.AddWithValue("id", r.Id);
        p.AddWithValue("organization_id", r.OrganizationId);
        p.AddWithValue("date", r.Date);
        p.AddWithValue("reported_by", r.ReportedBy);
        p.AddWithValue("recorded_at", r.RecordedAt.ToUniversalTime());
        p.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = StoreJson.WriteRecord(r with { Id = 0 }) });
    }

    public static void Audit(NpgsqlParameterCollection p, AuditEntry e)
    {
        p.AddWithValue("actor", e.Actor);
        p.AddWithValue("at", e.At.ToUniversalTime());
        p.AddWithValue("action", e.Action);
        p.AddWithValue("undone_by", (object?)e.UndoneBy ?? DBNull.Value);
        p.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = StoreJson.Write(e with { Id = 0 }) });
    }

    public static string SequenceOf(string kind) => "record_id_" + kind;
}
