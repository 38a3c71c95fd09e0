using System.Runtime.CompilerServices;
using InstructorBot.Bot.Plugins;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// The bot's own plugin functions, offered to the model with nothing behind them: each function has the real one's name,
/// description and parameters (read from the plugin classes' attributes; no plugin is constructed and no store is
/// touched) and a body that does nothing. The model is never shown the ledger, so where a real function takes a ledger
/// id the dry run takes the name as written (<c>organization</c>, <c>units</c>), and a day as the message says it; the
/// names and days then go through the offline linking and date components (<see cref="ModelUnderstanding"/>).
/// </summary>
public static class DryRunKernel
{
    /// <summary>The functions an understanding may call, by plugin; each maps to one kind of <c>UnderstoodAction</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Offered = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [PluginNames.Reporting] = ["record_visit", "record_member_discovery", "record_formation", "record_work_coverage", "update_organization", "record_pairing", "undo_last"],
        [PluginNames.Progress] = ["coverage_report", "unformed_list", "formations", "visits", "coverage_breakdown", "organization_card", "export_ledger"],
        [PluginNames.Knowledge] = ["search_documents", "advise_formation"],
    };

    private static readonly Lazy<Kernel> Understanding = new(BuildUnderstanding);

    /// <summary>The kernel offered for understanding a message (built once; it holds no state).</summary>
    public static Kernel ForUnderstanding => Understanding.Value;

    private static Kernel BuildUnderstanding()
    {
        var kernel = new Kernel();
        AddFrom<ReportingPlugin>(kernel, PluginNames.Reporting);
        AddFrom<ProgressPlugin>(kernel, PluginNames.Progress);
        AddFrom<KnowledgePlugin>(kernel, PluginNames.Knowledge);
        return kernel;
    }

    private static void AddFrom<T>(Kernel kernel, string pluginName)
        where T : class
    {
        // Only the attributes are read: an instance whose constructor never ran, whose methods are never called.
        var real = KernelPluginFactory.CreateFromObject(RuntimeHelpers.GetUninitializedObject(typeof(T)), pluginName);
        var offered = Offered[pluginName];
        var functions = real.Where(f => offered.Contains(f.Name, StringComparer.Ordinal)).Select(DryRun).ToList();
        kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions(pluginName, functions));
    }

    private static KernelFunction DryRun(KernelFunction real)
    {
        var parameters = new List<KernelParameterMetadata>();
        foreach (var parameter in real.Metadata.Parameters)
        {
            parameters.Add(parameter.Name switch
            {
                "organizationId" => Parameter("organization", typeof(string), "The organisation's name exactly as the message writes it.", required: true),
                "unitIds" => Parameter("units", typeof(string[]), "Every unit a joint party organisation covers, the first included: names exactly as the message writes them.", required: false),
                _ when parameter.ParameterType == typeof(DateOnly) || parameter.ParameterType == typeof(DateOnly?) =>
                    Parameter(parameter.Name, typeof(string), "The day as the message says it (今天, 昨天, 上周五, 11月16号); omit it when the message names no day.", required: false),
                _ => parameter,
            });
        }

        if (real.Name == "advise_formation")
        {
            parameters.Insert(0, Parameter("organization", typeof(string), "The organisation asked about, exactly as the message writes it; omit it when none is named.", required: false));
        }

        return KernelFunctionFactory.CreateFromMethod(
            static () => "dry run: recorded, not executed",
            new KernelFunctionFromMethodOptions
            {
                FunctionName = real.Name,
                Description = real.Description,
                Parameters = parameters,
                ReturnParameter = new KernelReturnParameterMetadata { Description = "Nothing: the call is recorded, not run." },
            });
    }

    internal static KernelParameterMetadata Parameter(string name, Type type, string description, bool required) =>
        new(name) { ParameterType = type, Description = description, IsRequired = required };
}
