namespace InstructorBot.Store.Domain;

/// <summary>联合组建 modes (002 §一; 003 §二(四)3).</summary>
public enum JointMode
{
    /// <summary>片区(区域)联建.</summary>
    Regional,

    /// <summary>同业共建.</summary>
    Industry,

    /// <summary>挂靠组建.</summary>
    Affiliated,

    /// <summary>派驻帮建.</summary>
    Dispatched,

    /// <summary>龙头带建.</summary>
    Leading,
}
