using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.Migrations
{
    /// <summary>
    /// The send log's search ignores case: the search table is made again with trigrams that fold case, and filled from
    /// the deliveries stored. (PostgreSQL needs no change: its trigram indexes serve ILIKE as they served LIKE.)
    /// </summary>
    public partial class SearchIgnoresCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DeliverySearchIndex.CreateSqlite)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DeliverySearchIndex.SqliteStatements(ignoreCase: false))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
