using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Storage;

/// <summary>Writes records and applies their effect on the organisations, inside the writer's transaction.</summary>
internal sealed class RecordEffects
{
    public WriteReceipt Record(WriteContext context, string actor, IReadOnlyList<RecordRequest> requests, DateTimeOffset now)
    {
        if (requests.Count == 0)
        {
            throw new StoreException("没有要记录的内容");
        }

        var before = new Dictionary<int, Organization>();
        var current = new Dictionary<int, Organization>();
        var stored = new List<RecordRequest>(requests.Count);

        Organization Load(int id)
        {
            if (current.TryGetValue(id, out var known))
            {
                return known;
            }

            var found = context.FindOrganization(id) ?? throw new StoreException($"找不到单位（编号 {id}）");
            before[id] = found;
            current[id] = found;
            return found;
        }

        foreach (var request in requests)
        {
            var record = request with { Id = 0, ReportedBy = actor, RecordedAt = now };
            var organization = Load(record.OrganizationId);
            switch (record)
            {
                case Formation formation:
                    var unitIds = new[] { formation.OrganizationId }.Concat(formation.UnitIds).Distinct().ToArray();
                    var units = unitIds.Select(Load).ToArray();
                    formation = formation with { UnitIds = unitIds, UnitNames = units.Select(u => u.Name).ToArray() };
                    var formationId = Insert(context, formation);
                    record = formation with { Id = formationId };
                    var party = new PartyOrganization
                    {
                        Kind = formation.Method switch
                        {
                            FormationMethod.Joint => PartyOrganizationKind.Joint,
                            FormationMethod.Functional => PartyOrganizationKind.Functional,
                            _ => PartyOrganizationKind.Single,
                        },
                        Level = formation.Level,
                        JointMode = formation.Method == FormationMethod.Joint ? formation.JointMode : null,
                        FormedOn = formation.Date,
                        Secretary = formation.Secretary,
                        Members = formation.Members,
                        JointFormationId = formation.Method == FormationMethod.Joint ? formationId : null,
                    };
                    foreach (var unit in units)
                    {
                        current[unit.Id] = current[unit.Id] with { PartyOrganization = party };
                    }

                    break;
                case MemberDiscovery discovery:
                    if (discovery.Count < 0)
                    {
                        throw new StoreException("发现的党员人数不能为负数");
                    }

                    record = discovery with { Id = Insert(context, discovery) };
                    current[organization.Id] = organization with { PartyMembers = organization.PartyMembers + discovery.Count };
                    break;
                case OrganizationUpdate update:
                    if (update.Employees < 0 || update.PartyMembers < 0)
                    {
                        throw new StoreException("人数不能为负数");
                    }

                    record = update with { Id = Insert(context, update) };
                    current[organization.Id] = organization with
                    {
                        Employees = update.Employees ?? organization.Employees,
                        PartyMembers = update.PartyMembers ?? organization.PartyMembers,
                        Status = update.Status ?? organization.Status,
                    };
                    break;
                case WorkCoverage coverage:
                    record = coverage with { Id = Insert(context, coverage) };
                    current[organization.Id] = coverage.Measure switch
                    {
                        WorkCoverageMeasure.Instructor => organization with
                        {
                            Instructor = coverage.Person ?? context.Data.FindUser(actor)?.Name ?? organization.Instructor,
                        },
                        _ => organization with { MassOrganizations = AddMass(organization.MassOrganizations, coverage.Measure) },
                    };
                    break;
                default:
                    record = record with { Id = Insert(context, record) };
                    break;
            }

            stored.Add(record);
        }

        var changed = new List<Organization>();
        var changedBefore = new List<Organization>();
        foreach (var (id, after) in current)
        {
            if (OrganizationEquality.Same(before[id], after))
            {
                continue;
            }

            changedBefore.Add(before[id]);
            changed.Add(context.Update(after with { UpdatedAt = now }));
        }

        var auditId = context.Append(new AuditEntry
        {
            Actor = actor,
            At = now,
            Action = "record",
            Summary = string.Join(',', stored.Select(r => r.Kind)),
            Records = stored.Select(r => new RecordRef(r.Kind, r.Id)).ToArray(),
            Before = changedBefore,
            After = changed,
        });
        return new WriteReceipt(auditId, stored, current.Values.Select(o => changed.FirstOrDefault(c => c.Id == o.Id) ?? o).ToArray());
    }

    public UndoReceipt? UndoLast(WriteContext context, string actor, DateTimeOffset now)
    {
        var last = context.Data.LastOpenRecordEntry(actor);
        return last is null ? null : UndoEntry(context, actor, last, now);
    }

    /// <summary>Takes back one of the actor's own record writes by its audit id; null when it is not theirs, not a record or already undone.</summary>
    public UndoReceipt? Undo(WriteContext context, string actor, int auditId, DateTimeOffset now)
    {
        var entry = context.Data.FindAudit(auditId);
        return entry is null || entry.Actor != actor || entry.Action != "record" || entry.UndoneBy is not null
            ? null
            : UndoEntry(context, actor, entry, now);
    }

    /// <summary>
    /// A correction: takes back the record write <paramref name="auditId"/> and writes <paramref name="replacement"/> in its
    /// place, in the same transaction; the new entry names the one it corrects. Null when the entry cannot be undone.
    /// </summary>
    public CorrectionReceipt? Correct(WriteContext context, string actor, int auditId, IReadOnlyList<RecordRequest> replacement, DateTimeOffset now)
    {
        if (Undo(context, actor, auditId, now) is not { } undone)
        {
            return null;
        }

        var recorded = Record(context, actor, replacement, now);
        var entry = context.Data.FindAudit(recorded.AuditId)!;
        context.Data.UpdateAudit(entry with { Corrects = auditId, Summary = "correction:" + entry.Summary });
        return new CorrectionReceipt(undone, recorded);
    }

    private UndoReceipt UndoEntry(WriteContext context, string actor, AuditEntry last, DateTimeOffset now)
    {
        var removed = new List<RecordRequest>();
        foreach (var reference in last.Records)
        {
            if (context.Data.FindRecord(reference.Kind, reference.Id) is { } record)
            {
                removed.Add(record);
                context.Data.DeleteRecord(reference.Kind, reference.Id);
            }
        }

        var restoredBefore = new List<Organization>();
        var restored = new List<Organization>();
        foreach (var after in last.After)
        {
            var was = last.Before.First(o => o.Id == after.Id);
            var latest = context.FindOrganization(after.Id);
            if (latest is null)
            {
                continue;
            }

            var reverted = OrganizationEquality.Revert(latest, was, after);
            if (OrganizationEquality.Same(latest, reverted))
            {
                continue;
            }

            restoredBefore.Add(latest);
            restored.Add(context.Update(reverted with { UpdatedAt = now }));
        }

        var undoId = context.Append(new AuditEntry
        {
            Actor = actor,
            At = now,
            Action = "undo",
            Summary = last.Summary,
            Records = last.Records,
            Before = restoredBefore,
            After = restored,
            Undoes = last.Id,
        });
        context.Data.UpdateAudit(last with { UndoneBy = undoId });
        return new UndoReceipt(undoId, last.Id, removed, restored);
    }

    private static int Insert(WriteContext context, RecordRequest record) => context.Data.InsertRecord(record);

    private static IReadOnlyList<MassOrganizationKind> AddMass(IReadOnlyList<MassOrganizationKind> existing, WorkCoverageMeasure measure)
    {
        var kind = measure switch
        {
            WorkCoverageMeasure.TradeUnion => MassOrganizationKind.TradeUnion,
            WorkCoverageMeasure.YouthLeague => MassOrganizationKind.YouthLeague,
            _ => MassOrganizationKind.WomenFederation,
        };
        return existing.Contains(kind) ? existing : [.. existing, kind];
    }
}
