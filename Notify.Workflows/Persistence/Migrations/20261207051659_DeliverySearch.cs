using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeliverySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ContactKey",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_RecordType_RecordKey",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Channel_CreatedAt",
                table: "Deliveries",
                columns: new[] { "Channel", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ContactKey_CreatedAt",
                table: "Deliveries",
                columns: new[] { "ContactKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_FlowKey_CreatedAt",
                table: "Deliveries",
                columns: new[] { "FlowKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Provider_CreatedAt",
                table: "Deliveries",
                columns: new[] { "Provider", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_RecordType_RecordKey_CreatedAt",
                table: "Deliveries",
                columns: new[] { "RecordType", "RecordKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Status_CreatedAt",
                table: "Deliveries",
                columns: new[] { "Status", "CreatedAt" });

            foreach (var sql in DeliverySearchIndex.SqliteStatements(ignoreCase: false))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in DeliverySearchIndex.DropSqlite)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Channel_CreatedAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ContactKey_CreatedAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_FlowKey_CreatedAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Provider_CreatedAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_RecordType_RecordKey_CreatedAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Status_CreatedAt",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ContactKey",
                table: "Deliveries",
                column: "ContactKey");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_RecordType_RecordKey",
                table: "Deliveries",
                columns: new[] { "RecordType", "RecordKey" });
        }
    }
}
