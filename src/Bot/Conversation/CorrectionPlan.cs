using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Puts a <see cref="Correction"/> onto the records of the sender's last write: the fields named and nothing else.
/// Gives the amended records, or the Chinese reason it cannot (no such figure, which figure is unclear).
/// </summary>
public static class CorrectionPlan
{
    public static (IReadOnlyList<RecordRequest>? Amended, string? Problem) Apply(IReadOnlyList<RecordRequest> records, Correction correction)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(correction);
        var amended = records.ToList();
        if (correction.Date is { } date)
        {
            amended = [.. amended.Select(r => r with { Date = date })];
        }

        if (correction.OrganizationId is { } organizationId)
        {
            amended = [.. amended.Select(r => Move(r, organizationId))];
        }

        if (correction.Count is { } count)
        {
            var figures = Figures(amended, correction.Field);
            if (figures.Count == 0)
            {
                return (null, correction.Field switch
                {
                    CorrectionField.Employees => "上一条登记里没有职工人数，无法更正。可以直接说“蓝海电商职工65人”。",
                    CorrectionField.Members => "上一条登记里没有党员人数，无法更正。可以直接说“蓝海电商现有党员3名”。",
                    _ => "上一条登记里没有人数，无法更正。",
                });
            }

            if (figures.Count > 1 && correction.Field == CorrectionField.Unnamed && correction.InPeople
                && figures.Where(f => f.Figure == Figure.UpdateEmployees).ToList() is [var staff])
            {
                figures = [staff];
            }

            if (figures.Count > 1)
            {
                return (null, "上一条登记里有党员人数和职工人数，请说明改哪一个，例如“不对，党员是4名”或“不对，职工是35人”。");
            }

            var (index, figure) = figures[0];
            var record = amended[index];
            if (record is MemberDiscovery found && Total(found.Categories) > count)
            {
                return (null, $"上一条登记里分了类的党员已有 {Total(found.Categories)} 名，多于 {count} 名，请撤销后重新登记。");
            }

            if (count <= 0 && figure == Figure.Discovered)
            {
                return (null, "发现的党员人数应大于 0。没有发现党员的话，可以发送“撤销”撤回上一条登记。");
            }

            amended[index] = figure switch
            {
                Figure.Discovered => ((MemberDiscovery)record) with { Count = count },
                Figure.UpdateMembers => ((OrganizationUpdate)record) with { PartyMembers = count },
                Figure.UpdateEmployees => ((OrganizationUpdate)record) with { Employees = count },
                _ => ((Formation)record) with { Members = count },
            };
        }

        return (amended, null);
    }

    private static RecordRequest Move(RecordRequest record, int organizationId) => record switch
    {
        Formation formed => formed with
        {
            OrganizationId = organizationId,
            UnitIds = [.. formed.UnitIds.Select(id => id == formed.OrganizationId ? organizationId : id)],
        },
        _ => record with { OrganizationId = organizationId },
    };

    private static List<(int Index, Figure Figure)> Figures(IReadOnlyList<RecordRequest> records, CorrectionField field)
    {
        var found = new List<(int, Figure)>();
        for (var i = 0; i < records.Count; i++)
        {
            switch (records[i])
            {
                case MemberDiscovery when field != CorrectionField.Employees:
                    found.Add((i, Figure.Discovered));
                    break;
                case OrganizationUpdate update:
                    if (update.PartyMembers is not null && field != CorrectionField.Employees)
                    {
                        found.Add((i, Figure.UpdateMembers));
                    }

                    if (update.Employees is not null && field != CorrectionField.Members)
                    {
                        found.Add((i, Figure.UpdateEmployees));
                    }

                    break;
                case Formation { Members: not null } when field != CorrectionField.Employees:
                    found.Add((i, Figure.FormationMembers));
                    break;
            }
        }

        return found;
    }

    private static int Total(MemberCategories categories) =>
        categories.Pocket + categories.Hidden + categories.Flowing + categories.Probationary + categories.Hired;

    private enum Figure
    {
        Discovered,
        UpdateMembers,
        UpdateEmployees,
        FormationMembers,
    }
}
