using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using InstructorBot.Store.Storage;
using Npgsql;
using NpgsqlTypes;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// The figures of DOMAIN.md §Figures computed by PostgreSQL, without loading the ledger into memory: what <c>report</c>
/// runs on a PostgreSQL store, where opening <see cref="InstructorStore"/> would first read every organisation. One
/// aggregate query per scope (count … FILTER, array_agg for the name lists) over the jurisdiction's indexed columns,
/// grouped by street or community for a breakdown. The rules are <see cref="CoverageRules"/>' own: its thresholds and
/// kinds are the query's parameters, and a theory in the store tests compares every scope with <see cref="CoverageCalculator"/>.
/// </summary>
public sealed class PostgresFigures : IDisposable
{
    // Each predicate mirrors one CoverageRules method over the organisation's jsonb body (enums by name, as StoreJson writes).
    private const string InBase = "o.body->>'Status' = 'Normal'";
    private const string Employees = "(o.body->>'Employees')::integer";
    private const string Members = "(o.body->>'PartyMembers')::integer";
    private const string Enterprise = "o.body->>'Type' = 'Enterprise'";
    private const string Kind = "o.body->'PartyOrganization'->>'Kind'";

    private static readonly string WorkCovered =
        "(o.formed OR coalesce(o.body->>'Instructor', '') ~ '[^[:space:]]' OR jsonb_array_length(o.body->'MassOrganizations') > 0)";

    private static readonly string Professional =
        "(EXISTS (SELECT FROM unnest(@professional_kinds) AS k(kind) WHERE strpos(coalesce(o.body->>'Industry', ''), k.kind) > 0 OR strpos(o.name, k.kind) > 0)" +
        " OR (o.body->>'Industry' = ANY (@professional_social_industries) AND o.body->>'Type' = 'SocialOrganization'))";

    private static readonly string MustBeCovered =
        $"coalesce({Members} >= @members_to_form OR ({Enterprise} AND {Employees} >= @enterprise_staff_to_form) " +
        $"OR ({Professional} AND {Employees} >= @professional_staff_to_form), false)";

    private static readonly string MustHaveMembers =
        $"coalesce({Enterprise} AND {Employees} >= @enterprise_staff_to_have_members AND {Members} = 0, false)";

    private readonly PostgresEngine engine;

    private PostgresFigures(PostgresEngine engine) => this.engine = engine;

    /// <summary>Connects (creating or migrating the schema as the store does at open).</summary>
    /// <exception cref="StoreException">Bad connection string, unreachable server, or a schema newer than this build.</exception>
    public static PostgresFigures Open(string connectionString) => new(PostgresEngine.Open(connectionString));

    /// <summary>The server and database (never a password).</summary>
    public string Location => engine.Location;

    /// <summary>
    /// A scope name resolved as <see cref="InstructorStore.FindScope"/> does, against the distinct 区/街道/社区 of the ledger
    /// (read by a loose index scan of the jurisdiction index: one probe per distinct triple, not a pass over every row).
    /// </summary>
    public ScopeMatch? FindScope(string name)
    {
        using var connection = engine.OpenConnection();
        using var command = new NpgsqlCommand("""
            WITH RECURSIVE places AS (
                (SELECT district, street, community FROM organizations ORDER BY district, street, community LIMIT 1)
                UNION ALL
                SELECT next.district, next.street, next.community FROM places p CROSS JOIN LATERAL (
                    SELECT district, street, community FROM organizations o
                    WHERE (o.district, o.street, o.community) > (p.district, p.street, p.community)
                    ORDER BY district, street, community LIMIT 1) next
            )
            SELECT district, street, community FROM places
            """, connection);
        using var reader = command.ExecuteReader();
        var places = new List<Organization>();
        while (reader.Read())
        {
            places.Add(new Organization { District = reader.GetString(0), Street = reader.GetString(1), Community = reader.GetString(2) });
        }

        // The ledger's own order decides which street or community a bare name picks first, as on the snapshot.
        return ScopeResolver.Find(places, name);
    }

    /// <summary>The figures of one scope (the whole ledger for <see cref="Jurisdiction.Everywhere"/>).</summary>
    public CoverageReport Coverage(string scopeName, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var reports = Query(jurisdiction, groupBy: null, scopeName);
        return reports.Count > 0 ? reports[0] : new CoverageCalculator().Compute(scopeName, []);
    }

    /// <summary>
    /// The figures of each street or community within <paramref name="jurisdiction"/> (GROUP BY the indexed column), in
    /// <see cref="CoverageBreakdown"/>'s order: best covered first, then the larger base, then the name.
    /// </summary>
    public IReadOnlyList<CoverageReport> Breakdown(Jurisdiction jurisdiction, BreakdownLevel level)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var column = level switch
        {
            BreakdownLevel.Street => "o.street",
            BreakdownLevel.Community => "o.community",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "PostgreSQL breakdowns are by street or community"),
        };
        return [.. Query(jurisdiction, column, scopeName: null)
            .OrderByDescending(r => r.CoverageRate)
            .ThenByDescending(r => r.Base)
            .ThenBy(r => r.Scope, StringComparer.Ordinal)];
    }

    public void Dispose() => engine.Dispose();

    private List<CoverageReport> Query(Jurisdiction within, string? groupBy, string? scopeName)
    {
        var key = groupBy is null
            ? "NULL::text"
            : $"CASE WHEN btrim({groupBy}) = '' THEN '{CoverageBreakdown.Unstated}' ELSE btrim({groupBy}) END";
        var sql = $"""
            SELECT {key} AS scope,
                count(*) FILTER (WHERE {InBase}) AS base,
                count(*) FILTER (WHERE {InBase} AND o.formed) AS covered,
                count(*) FILTER (WHERE {InBase} AND {Kind} = 'Single') AS single,
                count(*) FILTER (WHERE {InBase} AND {Kind} = 'Joint') AS joint,
                count(*) FILTER (WHERE {InBase} AND {Kind} = 'Functional') AS functional,
                count(*) FILTER (WHERE {InBase} AND {WorkCovered}) AS work_covered,
                coalesce(array_agg(o.name ORDER BY o.name COLLATE "C") FILTER (WHERE {InBase} AND NOT o.formed AND {MustBeCovered}), ARRAY[]::text[]) AS unformed,
                coalesce(array_agg(o.name ORDER BY o.name COLLATE "C") FILTER (WHERE {InBase} AND {MustHaveMembers}), ARRAY[]::text[]) AS members_required
            FROM organizations o
            WHERE (@district::text IS NULL OR o.district = @district)
              AND (@street::text IS NULL OR o.street = @street)
              AND (@community::text IS NULL OR o.community = @community)
            {(groupBy is null ? "" : "GROUP BY 1")}
            """;
        using var connection = engine.OpenConnection();
        // The whole of a million-unit ledger is one pass over the table: allowed minutes, not the connection's default.
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        var p = command.Parameters;
        p.AddWithValue("district", NpgsqlDbType.Text, (object?)within.District ?? DBNull.Value);
        p.AddWithValue("street", NpgsqlDbType.Text, (object?)within.Street ?? DBNull.Value);
        p.AddWithValue("community", NpgsqlDbType.Text, (object?)within.Community ?? DBNull.Value);
        p.AddWithValue("professional_kinds", CoverageRules.ProfessionalKinds.ToArray());
        p.AddWithValue("professional_social_industries", CoverageRules.ProfessionalSocialIndustries.ToArray());
        p.AddWithValue("members_to_form", CoverageRules.MembersToForm);
        p.AddWithValue("enterprise_staff_to_form", CoverageRules.EnterpriseStaffToForm);
        p.AddWithValue("professional_staff_to_form", CoverageRules.ProfessionalStaffToForm);
        p.AddWithValue("enterprise_staff_to_have_members", CoverageRules.EnterpriseStaffToHaveMembers);
        using var reader = command.ExecuteReader();
        var reports = new List<CoverageReport>();
        while (reader.Read())
        {
            var total = (int)reader.GetInt64(1);
            var covered = (int)reader.GetInt64(2);
            var workCovered = (int)reader.GetInt64(6);
            var single = (int)reader.GetInt64(3);
            reports.Add(new CoverageReport(
                scopeName ?? reader.GetString(0), total, covered, single, (int)reader.GetInt64(4), (int)reader.GetInt64(5), workCovered,
                Rate(covered, total), Rate(single, total), Rate(workCovered, total),
                reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8)));
        }

        return reports;
    }

    // As CoverageCalculator: a plain ratio, 0 for an empty base.
    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
