import { Injectable } from '@nestjs/common';
import { Principal } from '@qbm/http';
import { CacheEntry, CacheTags } from '../../common/cache/cache-tags';
import { ReadCacheService } from '../../common/cache/read-cache.service';
import { Page, mapPage } from '../../common/pagination/page';
import { assertDatesInOrder, completionDay } from './domain/objective-dates';
import { CreateObjectiveRequestDto } from './dto/create-objective.request.dto';
import { ListObjectivesRequestDto } from './dto/list-objectives.request.dto';
import { ObjectiveResponseDto } from './dto/objective.response.dto';
import { UpdateObjectiveRequestDto } from './dto/update-objective.request.dto';
import { ObjectiveErrors } from './objectives.errors';
import { ObjectivesRepository } from './objectives.repository';

@Injectable()
export class ObjectivesService {
  // The read cache's entries, shared with the cached-read fast path so both ask for the same key.
  static entryById(id: string): CacheEntry {
    return { key: `id:${id}`, tags: [CacheTags.objective(id)] };
  }

  static listEntry(query: ListObjectivesRequestDto): CacheEntry {
    return { key: `list:${JSON.stringify(query)}`, tags: [CacheTags.list] };
  }

  constructor(
    private readonly objectives: ObjectivesRepository,
    private readonly cache: ReadCacheService,
  ) {}

  async create(principal: Principal, dto: CreateObjectiveRequestDto): Promise<ObjectiveResponseDto> {
    const org = principal.organizationId;
    const saved = await this.objectives.inTreeTransaction(org, async (tx) => {
      if (dto.parentId && !(await this.objectives.exists(org, dto.parentId, tx)))
        throw ObjectiveErrors.parentNotFound(dto.parentId);
      const objective = this.objectives.create({
        organizationId: org,
        name: dto.name,
        type: dto.type,
        content: dto.content ?? '',
        description: dto.description ?? null,
        parentId: dto.parentId ?? null,
        priority: dto.priority,
        status: dto.status ?? 'active',
        startDate: dto.startDate ?? null,
        targetDate: dto.targetDate ?? null,
        completionDate: dto.completionDate ?? (dto.status === 'completed' ? completionDay() : null),
      });
      assertDatesInOrder(objective);
      return this.objectives.save(tx, objective);
    });
    // A new objective shows only in lists; its parent's view does not name its children.
    await this.cache.invalidate('objectives', org, [CacheTags.list]);
    return ObjectiveResponseDto.from(saved);
  }

  async update(principal: Principal, id: string, dto: UpdateObjectiveRequestDto): Promise<ObjectiveResponseDto> {
    const org = principal.organizationId;
    const saved = await this.objectives.inTreeTransaction(org, async (tx) => {
      const objective = await this.objectives.findById(org, id, tx);
      if (!objective) throw ObjectiveErrors.notFound(id);
      if (dto.parentId !== undefined && dto.parentId !== null && dto.parentId !== objective.parentId) {
        if (!(await this.objectives.exists(org, dto.parentId, tx))) throw ObjectiveErrors.parentNotFound(dto.parentId);
        if (await this.objectives.isSelfOrDescendant(tx, org, id, dto.parentId)) throw ObjectiveErrors.parentCycle();
      }
      const becameCompleted = dto.status === 'completed' && objective.status !== 'completed';
      Object.assign(objective, dto);
      if (becameCompleted && !objective.completionDate) objective.completionDate = completionDay();
      assertDatesInOrder(objective);
      return this.objectives.save(tx, objective);
    });
    await this.cache.invalidate('objectives', org, [CacheTags.objective(id), CacheTags.list]);
    return ObjectiveResponseDto.from(saved);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const org = principal.organizationId;
    await this.objectives.inTreeTransaction(org, async (tx) => {
      if (!(await this.objectives.exists(org, id, tx))) throw ObjectiveErrors.notFound(id);
      if (await this.objectives.hasChildren(tx, org, id)) throw ObjectiveErrors.hasChildren();
      if (!(await this.objectives.delete(tx, org, id))) throw ObjectiveErrors.inUse();
    });
    await this.cache.invalidate('objectives', org, [CacheTags.objective(id), CacheTags.list]);
  }

  get(principal: Principal, id: string): Promise<ObjectiveResponseDto> {
    return this.cache.getOrLoad('objectives', principal.organizationId, ObjectivesService.entryById(id), async () => {
      const objective = await this.objectives.findById(principal.organizationId, id);
      if (!objective) throw ObjectiveErrors.notFound(id);
      return ObjectiveResponseDto.from(objective);
    });
  }

  list(principal: Principal, query: ListObjectivesRequestDto): Promise<Page<ObjectiveResponseDto>> {
    const entry = ObjectivesService.listEntry(query);
    return this.cache.getOrLoad('objectives', principal.organizationId, entry, async () =>
      mapPage(await this.objectives.list(principal.organizationId, query), (o) => ObjectiveResponseDto.from(o)),
    );
  }
}
