namespace InstructorBot.Store.Domain;

public enum UserRole
{
    /// <summary>党建工作指导员.</summary>
    Instructor,

    /// <summary>社区/街道书记 (一对一帮扶组建).</summary>
    Secretary,

    /// <summary>协调员: 组织部 / 两新工委 staff.</summary>
    Coordinator,

    /// <summary>管理员.</summary>
    Admin,
}
