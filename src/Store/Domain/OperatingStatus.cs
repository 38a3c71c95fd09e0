namespace InstructorBot.Store.Domain;

/// <summary>经营状态. 空壳、僵尸 and 注销 units leave the 党建基数 (003 §三(二)).</summary>
public enum OperatingStatus
{
    /// <summary>正常.</summary>
    Normal,

    /// <summary>空壳: registered, no real business.</summary>
    Shell,

    /// <summary>僵尸: long dormant.</summary>
    Zombie,

    /// <summary>注销: deregistered.</summary>
    Deregistered,
}
