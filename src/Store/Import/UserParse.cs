using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Import;

/// <summary>A users file read and checked.</summary>
internal sealed record UserParse(IReadOnlyList<User> Users, IReadOnlyList<ImportError> Errors);
