using InstructorBot.Store.Documents;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Storage;
using Npgsql;

namespace InstructorBot.Store.Postgres;

/// <summary>The store's data in the writer's open PostgreSQL transaction.</summary>
internal sealed class PostgresTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, string origin) : IStoreTransaction
{
    public void AnnounceChanges(IReadOnlyCollection<int> organizationIds, bool allOrganizations, bool users)
    {
        if (PostgresChanges.Payload(origin, organizationIds, allOrganizations, users) is not { } payload)
        {
            return;
        }

        // Sent on commit, not before, and not at all on rollback.
        using var command = Command("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", PostgresChanges.Channel);
        command.Parameters.AddWithValue("payload", payload);
        command.ExecuteNonQuery();
    }

    /// <summary>A ledger import's set-based statements (a million rows) may run for minutes; the connection's timeout is for ordinary writes.</summary>
    private const int BulkTimeoutSeconds = 900;

    public IDocumentWriter Documents { get; } = PostgresDocuments.Writing(connection, transaction);

    public Organization? FindOrganization(int id)
    {
        // Locked for the rest of the transaction: a second host writing the same unit waits rather than losing an update.
        using var command = Command("SELECT body FROM organizations WHERE id = @id FOR UPDATE");
        command.Parameters.AddWithValue("id", id);
        return command.ExecuteScalar() is string body ? StoreJson.Read<Organization>(body) with { Id = id } : null;
    }

    public IReadOnlyList<Organization> AllOrganizations()
    {
        using var command = Command("SELECT id, body FROM organizations ORDER BY id");
        command.CommandTimeout = BulkTimeoutSeconds;
        return PostgresEngine.ReadOrganizations(command);
    }

    public int InsertOrganization(Organization organization)
    {
        using var command = Command($"""
            INSERT INTO organizations ({PostgresRows.OrganizationColumns})
            VALUES (@name, @credit_code, @district, @street, @community, @formed, @updated_at, @body) RETURNING id
            """);
        PostgresRows.Organization(command.Parameters, organization);
        return (int)command.ExecuteScalar()!;
    }

    public bool UpdateOrganization(Organization organization)
    {
        using var command = Command("""
            UPDATE organizations SET name = @name, credit_code = @credit_code, district = @district, street = @street,
                community = @community, formed = @formed, updated_at = @updated_at, body = @body
            WHERE id = @id
            """);
        PostgresRows.Organization(command.Parameters, organization);
        command.Parameters.AddWithValue("id", organization.Id);
        return command.ExecuteNonQuery() > 0;
    }

    public IReadOnlyList<int> InsertOrganizations(IReadOnlyList<Organization> organizations)
    {
        if (organizations.Count == 0)
        {
            return [];
        }

        // Ids taken from the identity's sequence first, so the rows go in by one binary COPY with their ids known.
        var ids = new List<int>(organizations.Count);
        using (var next = Command("SELECT nextval(pg_get_serial_sequence('organizations', 'id'))::integer FROM generate_series(1, @count)"))
        {
            next.Parameters.AddWithValue("count", organizations.Count);
            next.CommandTimeout = BulkTimeoutSeconds;
            using var reader = next.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        ids.Sort();
        using (var writer = connection.BeginBinaryImport($"COPY organizations (id, {PostgresRows.OrganizationColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            writer.Timeout = TimeSpan.FromSeconds(BulkTimeoutSeconds);
            for (var i = 0; i < organizations.Count; i++)
            {
                PostgresRows.Organization(writer, organizations[i] with { Id = ids[i] });
            }

            writer.Complete();
        }

        return ids;
    }

    public bool UpdateOrganizations(IReadOnlyList<Organization> organizations)
    {
        if (organizations.Count == 0)
        {
            return true;
        }

        // A staging table of this transaction (dropped at its end; a second import in the same group replaces it),
        // filled by one binary COPY, then one UPDATE … FROM it.
        using (var stage = Command($"""
            DROP TABLE IF EXISTS pg_temp.import_organizations;
            CREATE TEMP TABLE import_organizations ON COMMIT DROP AS
                SELECT id, {PostgresRows.OrganizationColumns} FROM organizations WITH NO DATA;
            """))
        {
            stage.ExecuteNonQuery();
        }

        using (var writer = connection.BeginBinaryImport($"COPY import_organizations (id, {PostgresRows.OrganizationColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            writer.Timeout = TimeSpan.FromSeconds(BulkTimeoutSeconds);
            foreach (var organization in organizations)
            {
                PostgresRows.Organization(writer, organization);
            }

            writer.Complete();
        }

        using var merge = Command("""
            UPDATE organizations o SET name = s.name, credit_code = s.credit_code, district = s.district, street = s.street,
                community = s.community, formed = s.formed, updated_at = s.updated_at, body = s.body
            FROM import_organizations s WHERE o.id = s.id
            """);
        merge.CommandTimeout = BulkTimeoutSeconds;
        return merge.ExecuteNonQuery() == organizations.Count;
    }

    public User? FindUser(string id)
    {
        using var command = Command("SELECT body FROM users WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return command.ExecuteScalar() is string body ? StoreJson.Read<User>(body) : null;
    }

    public void UpsertUser(User user)
    {
        using (var command = Command($"""
            INSERT INTO users (id, {PostgresRows.UserColumns}) VALUES (@id, @name, @role, @district, @street, @community, @body)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, district = excluded.district,
                street = excluded.street, community = excluded.community, body = excluded.body
            """))
        {
            PostgresRows.User(command.Parameters, user);
            command.ExecuteNonQuery();
        }

        using (var clear = Command("DELETE FROM user_channels WHERE user_id = @id"))
        {
            clear.Parameters.AddWithValue("id", user.Id);
            clear.ExecuteNonQuery();
        }

        foreach (var identity in user.ChannelIdentities.Distinct())
        {
            using var bind = Command("INSERT INTO user_channels (user_id, channel, channel_user_id) VALUES (@id, @channel, @channel_user_id)");
            bind.Parameters.AddWithValue("id", user.Id);
            bind.Parameters.AddWithValue("channel", identity.Channel);
            bind.Parameters.AddWithValue("channel_user_id", identity.ChannelUserId);
            bind.ExecuteNonQuery();
        }
    }

    public int AppendAudit(AuditEntry entry)
    {
        using var command = Command($"INSERT INTO audit ({PostgresRows.AuditColumns}) VALUES (@actor, @at, @action, @undone_by, @body) RETURNING id");
        PostgresRows.Audit(command.Parameters, entry);
        return (int)command.ExecuteScalar()!;
    }

    public AuditEntry? FindAudit(int id)
    {
        using var command = Command("SELECT id, body FROM audit WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return PostgresEngine.ReadAudit(command).FirstOrDefault();
    }

    public void UpdateAudit(AuditEntry entry)
    {
        using var command = Command("UPDATE audit SET actor = @actor, at = @at, action = @action, undone_by = @undone_by, body = @body WHERE id = @id");
        PostgresRows.Audit(command.Parameters, entry);
        command.Parameters.AddWithValue("id", entry.Id);
        command.ExecuteNonQuery();
    }

    public AuditEntry? LastOpenRecordEntry(string actor)
    {
        using var command = Command("""
            SELECT id, body FROM audit WHERE actor = @actor AND action = 'record' AND undone_by IS NULL ORDER BY id DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("actor", actor);
        return PostgresEngine.ReadAudit(command).FirstOrDefault();
    }

    public int InsertRecord(RecordRequest record)
    {
        // A sequence never hands an id out twice, even when the transaction that took it rolls back or the row is deleted.
        Collections.For(record.Kind);
        int id;
        using (var next = Command("SELECT nextval(@sequence::regclass)::integer"))
        {
            next.Parameters.AddWithValue("sequence", PostgresRows.SequenceOf(record.Kind));
            id = (int)next.ExecuteScalar()!;
        }

        using var command = Command($"""
            INSERT INTO records ({PostgresRows.RecordColumns})
            VALUES (@kind, @id, @organization_id, @date, @reported_by, @recorded_at, @body)
            """);
        PostgresRows.Record(command.Parameters, record with { Id = id });
        command.ExecuteNonQuery();
        return id;
    }

    public RecordRequest? FindRecord(string kind, int id)
    {
        using var command = Command("SELECT body FROM records WHERE kind = @kind AND id = @id");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("id", id);
        return command.ExecuteScalar() is string body ? StoreJson.ReadRecord(kind, id, body) : null;
    }

    public void DeleteRecord(string kind, int id)
    {
        using var command = Command("DELETE FROM records WHERE kind = @kind AND id = @id");
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("id", id);
        command.ExecuteNonQuery();
    }

    public int ClearAll()
    {
        int deleted;
        using (var count = Command("""
            SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM users)
                 + (SELECT count(*) FROM records) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM documents)
            """))
        {
            deleted = (int)(long)count.ExecuteScalar()!;
        }

        // The sequences are left alone, so ids go on where they were, as on LiteDB.
        using var truncate = Command("TRUNCATE organizations, users, user_channels, records, audit, documents");
        truncate.ExecuteNonQuery();
        return deleted;
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);
}
