import { Type as NestType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PageMetaDto {
  @ApiProperty({ example: 20 }) size!: number;
  @ApiPropertyOptional({ example: 1, description: 'Present in offset paging' }) page?: number;
  @ApiPropertyOptional({ example: 137, description: 'Present in offset paging' }) total?: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export interface Page<T> {
  data: T[];
  meta: PageMetaDto;
}

export function mapPage<A, B>(page: Page<A>, map: (item: A) => B): Page<B> {
  return { data: page.data.map(map), meta: page.meta };
}

// A named OpenAPI schema for a page of T.
export function PageOf<T>(item: NestType<T>, name: string): NestType<Page<T>> {
  class PageDto {
    @ApiProperty({ type: [item] }) data!: T[];
    @ApiProperty({ type: PageMetaDto }) meta!: PageMetaDto;
  }
  Object.defineProperty(PageDto, 'name', { value: name });
  return PageDto;
}
