namespace InstructorBot.Store.Domain;

/// <summary>A registered user of the bot.</summary>
public sealed record User
{
    /// <summary>用户ID, e.g. <c>u_zhang</c>; the LiteDB key.</summary>
    public string Id { get; init; } = "";

    /// <summary>姓名.</summary>
    public string Name { get; init; } = "";

    public UserRole Role { get; init; }

    /// <summary>辖区: 区 / 街道 / 社区; empty for an admin.</summary>
    public Jurisdiction Jurisdiction { get; init; } = Jurisdiction.Everywhere;

    /// <summary>Channel identities bound to this user (企业微信, 钉钉, 飞书, Bot Framework, …).</summary>
    public IReadOnlyList<ChannelIdentity> ChannelIdentities { get; init; } = [];
}
