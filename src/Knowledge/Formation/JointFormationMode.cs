namespace InstructorBot.Knowledge.Formation;

/// <summary>联合组建 modes (002 §一): 片区(区域)联建, 同业共建, 挂靠组建, 派驻帮建, 龙头带建.</summary>
public enum JointFormationMode
{
    Regional,
    Industry,
    Affiliated,
    Dispatched,
    Leading,
}
