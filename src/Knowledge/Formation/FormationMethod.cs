namespace InstructorBot.Knowledge.Formation;

/// <summary>How a unit is covered: 单独组建, 联合组建, 功能型党组织, or 党的工作覆盖 without an organisation.</summary>
public enum FormationMethod
{
    Single,
    Joint,
    Functional,
    WorkCoverage,
}
